// The page around the canvas (web/lib/page.js): the system colour scheme and the page's theme.
#include <emscripten.h>

#include "platform/platform.hpp"

extern "C" {
int sw_page_prefers_dark(void);
int sw_page_prefers_reduced_motion(void);
void sw_page_set_theme(int dark);
}

namespace sw::platform {

bool PrefersDarkColors() { return sw_page_prefers_dark() != 0; }

bool PrefersReducedMotion() { return sw_page_prefers_reduced_motion() != 0; }

void SetPageTheme(bool dark) { sw_page_set_theme(dark ? 1 : 0); }

}  // namespace sw::platform

// page.js calls this when the system switches between light and dark, or reduced motion.
extern "C" EMSCRIPTEN_KEEPALIVE void sw_page_scheme_changed(void) { sw::platform::RequestFrame(); }
