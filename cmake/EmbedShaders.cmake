# Writes OUTPUT, a C++ file with one `extern const char* const kShader_<name>_<ext>` per GLSL
# file in SHADER_DIR, so the shaders live as real files in shaders/ and ship inside the wasm.
file(GLOB INPUTS ${SHADER_DIR}/*.vert ${SHADER_DIR}/*.frag)
set(out "// Generated from shaders/ by EmbedShaders.cmake: do not edit.\n")
foreach(f ${INPUTS})
  get_filename_component(name ${f} NAME_WE)
  get_filename_component(ext ${f} LAST_EXT)
  string(SUBSTRING ${ext} 1 -1 ext)
  file(READ ${f} text)
  set(symbol "kShader_${name}_${ext}")
  string(APPEND out "extern const char* const ${symbol};\nconst char* const ${symbol} = R\"glsl(${text})glsl\";\n")
endforeach()
file(WRITE ${OUTPUT} "${out}")
