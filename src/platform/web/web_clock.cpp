// Browser clock: "today" is the runner's local date as the browser sees it (tests may fake
// Date), so it is read from JavaScript rather than from libc's time zone guess.
#include <emscripten.h>

#include "platform/platform.hpp"

namespace sw::platform {

std::chrono::year_month_day Today() {
  int packed = EM_ASM_INT({
    const d = new Date();
    return d.getFullYear() * 10000 + (d.getMonth() + 1) * 100 + d.getDate();
  });
  return std::chrono::year_month_day{std::chrono::year{packed / 10000},
                                     std::chrono::month{unsigned(packed / 100 % 100)},
                                     std::chrono::day{unsigned(packed % 100)}};
}

double NowMs() { return emscripten_get_now(); }

}  // namespace sw::platform
