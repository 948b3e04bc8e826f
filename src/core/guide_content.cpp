#include "guide_content.hpp"

namespace sw {
namespace {

constexpr GuideMistake kMistakes[] = {
    {"Skipping the warm-up and cool-down",
     "Going hard from cold puts sudden strain on joints, tendons and muscles.",
     "Before: 5-10 minutes of moving warm-up such as leg swings, walking lunges and hip circles. "
     "After: a few minutes of easy jogging, then stretch while you are still warm.",
     Screen::Log, "Tick warm-up and cool-down when you log a run"},
    {"Old or ill-fitting shoes",
     "A worn sole or a shoe that does not suit your gait can bring foot pain, plantar fasciitis "
     "and even stress fractures. Cushioning and support fade after roughly 300-500 miles "
     "(480-800 km).",
     "Track each pair's distance. Replace early if the sole wears unevenly, the shoe feels wrong "
     "or your stride changes. A gait analysis or a fitting at a running store, physical therapist "
     "or orthopedic clinic helps you choose.",
     Screen::Shoes, "Check your shoes"},
    {"Overstriding",
     "Reaching out so the foot lands well in front of your body sends extra load into knees and "
     "hips: runner's knee, hip bursitis and IT band trouble follow.",
     "Land on the midfoot, under your hips, with quicker, shorter steps - around 170-180 steps a "
     "minute, or 5-10% above your own usual rate.",
     Screen::Cadence, "Measure your cadence"},
    {"Weak hips and core",
     "When the hips and trunk tire, knees and ankles take over work they were not built for.",
     "Twice a week: glute bridges, planks and single-leg squats. A few minutes is enough to start.",
     Screen::Guide, "Strength routine"},
    {"Adding distance too fast",
     "Big jumps in weekly distance are a quick way to a stress injury.",
     "The usual guideline: add no more than about 10% a week, and plan rest days so your body can "
     "rebuild. Watch single runs that are much longer than anything in the past month, too.",
     Screen::Home, "See this week's load"},
    {"Running through pain",
     "Pain is information. Pushing on can turn a small niggle into a long lay-off.",
     "Ease off, log it, and get it looked at if it lasts more than a few days, gets worse as you "
     "run, or changes the way you run.",
     Screen::Guide, "Log pain"},
};

constexpr GuideQuestion kFaq[] = {
    {"What does good running form look like?",
     "Lean a little forward from the ankles, not the waist. Land midfoot beneath your hips. Keep a "
     "cadence near 170-180 steps a minute, shoulders loose, arms swinging easily at your sides."},
    {"Should I run every day?",
     "Usually not. Most runners improve more with rest or cross-training days in between, which "
     "let the body recover and build the muscles that support running."},
    {"How do I know my shoes are right for me?",
     "Look at the soles for uneven wear, notice any discomfort, and watch for changes in your "
     "stride. A gait analysis or professional fitting can match a shoe to how you run."},
    {"When should I see a doctor about pain?",
     "When pain lasts more than a few days, gets worse with activity, or changes how you run. "
     "Foot, ankle, knee or hip pain that gets in the way of training is worth a visit to an "
     "orthopedic or sports-medicine specialist - early help keeps small problems small."},
};

}  // namespace

std::span<const GuideMistake> GuideMistakes() { return kMistakes; }
std::span<const GuideQuestion> GuideFaq() { return kFaq; }

}  // namespace sw
