#version 300 es
// Vertex colour times the font/white-pixel atlas. The atlas is one channel, the coverage
// (uploaded as R8): white with that alpha.
precision mediump float;
uniform sampler2D u_texture;
in vec2 v_uv;
in vec4 v_color;
out vec4 out_color;
void main() {
  out_color = v_color * vec4(1.0, 1.0, 1.0, texture(u_texture, v_uv).r);
}
