// The anchor for the start-up benchmark: a bare Dear ImGui page built with the app's flags and
// font, using ImGui's stock GLFW + OpenGL3 backends. It draws one window and then stops.
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

extern const unsigned char kFontRegular[];
extern const unsigned int kFontRegular_size;

static GLFWwindow* g_window = nullptr;
static int g_frames = 0;

static void Frame() {
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
  ImGui::Begin("Bare", nullptr, ImGuiWindowFlags_NoDecoration);
  ImGui::TextUnformatted("Bare Dear ImGui page");
  ImGui::Button("A button");
  ImGui::End();
  ImGui::Render();
  int w, h;
  glfwGetFramebufferSize(g_window, &w, &h);
  glViewport(0, 0, w, h);
  glClearColor(0.96f, 0.97f, 0.98f, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  if (++g_frames == 1) EM_ASM({ window.bareFirstFrame = performance.now(); });
}

int main() {
  glfwInit();
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  double css_w, css_h;
  emscripten_get_element_css_size("#canvas", &css_w, &css_h);
  float ratio = float(emscripten_get_device_pixel_ratio());
  g_window = glfwCreateWindow(int(css_w * ratio), int(css_h * ratio), "bare", nullptr, nullptr);
  glfwMakeContextCurrent(g_window);
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;
  ImFontConfig config;
  config.FontDataOwnedByAtlas = false;
  ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(kFontRegular), int(kFontRegular_size),
                                             16.0f * ratio, &config);
  ImGui::GetStyle().ScaleAllSizes(ratio);
  ImGui_ImplGlfw_InitForOpenGL(g_window, true);
  ImGui_ImplOpenGL3_Init("#version 300 es");
  emscripten_set_main_loop(Frame, 0, false);
  return 0;
}
