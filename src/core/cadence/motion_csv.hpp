#pragma once
// Motion recordings as CSV text: a header `t,ax,ay,az` (more columns are allowed and ignored),
// then one sample per line: seconds, acceleration including gravity in m/s^2.
#include <string>
#include <string_view>
#include <vector>

#include "core/cadence/cadence_estimator.hpp"

namespace sw {

struct MotionCsv {
  std::vector<MotionSample> samples;
  std::string error;  // empty when the text parsed; else what is wrong and on which line
};

MotionCsv ParseMotionCsv(std::string_view text);

}  // namespace sw
