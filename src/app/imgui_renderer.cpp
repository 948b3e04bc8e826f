#include "imgui_renderer.hpp"

#include <GLES3/gl3.h>
#include <imgui.h>

#include <cstddef>

extern const char* const kShader_imgui_vert;
extern const char* const kShader_imgui_frag;

namespace sw {
namespace {

GLuint CompileShader(GLenum type, const char* source, std::string& error) {
  GLuint shader = glCreateShader(type);
  glShaderSource(shader, 1, &source, nullptr);
  glCompileShader(shader);
  GLint ok = 0;
  glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
  if (!ok) {
    char log[512] = {};
    glGetShaderInfoLog(shader, sizeof log, nullptr, log);
    error = std::string("shader compile failed: ") + log;
    glDeleteShader(shader);
    return 0;
  }
  return shader;
}

}  // namespace

bool ImGuiRenderer::Init(std::string& error) {
  GLuint vs = CompileShader(GL_VERTEX_SHADER, kShader_imgui_vert, error);
  GLuint fs = vs ? CompileShader(GL_FRAGMENT_SHADER, kShader_imgui_frag, error) : 0;
  if (!vs || !fs) return false;
  program_ = glCreateProgram();
  glAttachShader(program_, vs);
  glAttachShader(program_, fs);
  glLinkProgram(program_);
  glDeleteShader(vs);
  glDeleteShader(fs);
  GLint ok = 0;
  glGetProgramiv(program_, GL_LINK_STATUS, &ok);
  if (!ok) {
    error = "shader link failed";
    return false;
  }
  projection_location_ = glGetUniformLocation(program_, "u_projection");
  texture_location_ = glGetUniformLocation(program_, "u_texture");

  glGenVertexArrays(1, &vao_);
  glGenBuffers(1, &vbo_);
  glGenBuffers(1, &ibo_);
  glBindVertexArray(vao_);
  glBindBuffer(GL_ARRAY_BUFFER, vbo_);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ibo_);
  glEnableVertexAttribArray(0);
  glEnableVertexAttribArray(1);
  glEnableVertexAttribArray(2);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), (void*)offsetof(ImDrawVert, pos));
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), (void*)offsetof(ImDrawVert, uv));
  glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(ImDrawVert), (void*)offsetof(ImDrawVert, col));
  glBindVertexArray(0);
  return true;
}

void ImGuiRenderer::UploadFontAtlas() {
  ImGuiIO& io = ImGui::GetIO();
  unsigned char* pixels = nullptr;
  int width = 0, height = 0;
  // One byte per pixel, as the atlas is baked: the glyphs' coverage (and the white pixel). RGBA
  // would be a conversion pass over the whole atlas and four times the upload and the GPU memory
  // (at DPR 3 the four fonts fill megabytes); the shader makes the colour white itself.
  io.Fonts->GetTexDataAsAlpha8(&pixels, &width, &height);
  if (!font_texture_) glGenTextures(1, &font_texture_);
  glBindTexture(GL_TEXTURE_2D, font_texture_);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
  io.Fonts->SetTexID((ImTextureID)(intptr_t)font_texture_);
  io.Fonts->ClearTexData();  // the GPU has it now; keep the memory for the runner's data
}

void ImGuiRenderer::Render(const ImDrawData* draw_data, float clear_r, float clear_g, float clear_b) {
  int fb_width = int(draw_data->DisplaySize.x * draw_data->FramebufferScale.x);
  int fb_height = int(draw_data->DisplaySize.y * draw_data->FramebufferScale.y);
  glViewport(0, 0, fb_width, fb_height);
  glClearColor(clear_r, clear_g, clear_b, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  if (fb_width <= 0 || fb_height <= 0) return;

  glEnable(GL_BLEND);
  glBlendEquation(GL_FUNC_ADD);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glDisable(GL_CULL_FACE);
  glDisable(GL_DEPTH_TEST);
  glEnable(GL_SCISSOR_TEST);

  // Orthographic projection from ImGui's display rectangle to clip space.
  const float l = draw_data->DisplayPos.x, r = l + draw_data->DisplaySize.x;
  const float t = draw_data->DisplayPos.y, b = t + draw_data->DisplaySize.y;
  const float projection[16] = {2.0f / (r - l), 0, 0, 0, 0, 2.0f / (t - b), 0, 0, 0, 0, -1, 0,
                                (r + l) / (l - r), (t + b) / (b - t), 0, 1};
  glUseProgram(program_);
  glUniformMatrix4fv(projection_location_, 1, GL_FALSE, projection);
  glUniform1i(texture_location_, 0);
  glActiveTexture(GL_TEXTURE0);
  glBindVertexArray(vao_);
  glBindBuffer(GL_ARRAY_BUFFER, vbo_);

  const ImVec2 clip_offset = draw_data->DisplayPos;
  const ImVec2 clip_scale = draw_data->FramebufferScale;
  for (int n = 0; n < draw_data->CmdListsCount; ++n) {
    const ImDrawList* list = draw_data->CmdLists[n];
    glBufferData(GL_ARRAY_BUFFER, list->VtxBuffer.Size * sizeof(ImDrawVert), list->VtxBuffer.Data, GL_STREAM_DRAW);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, list->IdxBuffer.Size * sizeof(ImDrawIdx), list->IdxBuffer.Data, GL_STREAM_DRAW);
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      if (cmd.UserCallback) {
        if (cmd.UserCallback != ImDrawCallback_ResetRenderState) cmd.UserCallback(list, &cmd);
        continue;
      }
      float x0 = (cmd.ClipRect.x - clip_offset.x) * clip_scale.x, y0 = (cmd.ClipRect.y - clip_offset.y) * clip_scale.y;
      float x1 = (cmd.ClipRect.z - clip_offset.x) * clip_scale.x, y1 = (cmd.ClipRect.w - clip_offset.y) * clip_scale.y;
      if (x1 <= x0 || y1 <= y0) continue;
      glScissor(int(x0), int(fb_height - y1), int(x1 - x0), int(y1 - y0));
      glBindTexture(GL_TEXTURE_2D, (GLuint)(intptr_t)cmd.GetTexID());
      glDrawElements(GL_TRIANGLES, GLsizei(cmd.ElemCount), sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT,
                     (void*)(intptr_t)(cmd.IdxOffset * sizeof(ImDrawIdx)));
    }
  }
  glDisable(GL_SCISSOR_TEST);
  glBindVertexArray(0);
}

}  // namespace sw
