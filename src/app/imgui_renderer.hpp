#pragma once
// A WebGL2-only renderer for Dear ImGui: one program from shaders/imgui.{vert,frag}, one vertex
// and one index buffer, the font atlas texture, scissor rectangles. Smaller than ImGui's stock
// OpenGL3 backend, which carries desktop GL version juggling and its own embedded shaders.
#include <string>

struct ImDrawData;

namespace sw {

class ImGuiRenderer {
 public:
  bool Init(std::string& error);
  // (Re)uploads the font atlas: call after building fonts, e.g. when the pixel ratio changes.
  void UploadFontAtlas();
  void Render(const ImDrawData* draw_data, float clear_r, float clear_g, float clear_b);

 private:
  unsigned program_ = 0, vbo_ = 0, ibo_ = 0, vao_ = 0, font_texture_ = 0;
  int projection_location_ = -1, texture_location_ = -1;
};

}  // namespace sw
