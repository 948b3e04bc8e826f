#include "core/guide/guide_content.hpp"

namespace sw {
namespace {

constexpr GuideMistake kMistakes[] = {
    {"Skipping the warm-up and cool-down",
     "Going hard from cold puts sudden strain on joints, tendons and muscles.",
     "Before: 5-10 minutes of moving warm-up such as leg swings, walking lunges and hip circles. "
     "After: a few minutes of easy jogging, then stretch while you are still warm.",
     Screen::Log, "Tick warm-up and cool-down when you log a run", "checklist"},
    {"Old or ill-fitting shoes",
     "A worn sole or a shoe that does not suit your gait can bring foot pain, plantar fasciitis "
     "and even stress fractures. Cushioning and support fade after roughly 300-500 miles "
     "(480-800 km).",
     "Track each pair's distance. Replace early if the sole wears unevenly, the shoe feels wrong "
     "or your stride changes. A gait analysis or a fitting at a running store, physical therapist "
     "or orthopedic clinic helps you choose.",
     Screen::Shoes, "Check your shoes", "shoes"},
    {"Overstriding",
     "Reaching out so the foot lands well in front of your body sends extra load into knees and "
     "hips: runner's knee, hip bursitis and IT band trouble follow.",
     "Land on the midfoot, under your hips, with quicker, shorter steps - around 170-180 steps a "
     "minute, or 5-10% above your own usual rate.",
     Screen::Cadence, "Measure your cadence", "cadence"},
    {"Weak hips and core",
     "When the hips and trunk tire, knees and ankles take over work they were not built for.",
     "Twice a week: glute bridges, planks and single-leg squats. A few minutes is enough to start.",
     Screen::Guide, "Strength routine", "strength"},
    {"Adding distance too fast",
     "Big jumps in weekly distance are a quick way to a stress injury.",
     "The usual guideline: add no more than about 10% a week, and plan rest days so your body can "
     "rebuild. Watch single runs that are much longer than anything in the past month, too.",
     Screen::Home, "See this week's load", "load", "shin splints overuse injury"},
    {"Running through pain",
     "Pain is information. Pushing on can turn a small niggle into a long lay-off.",
     "Ease off, log it, and get it looked at if it lasts more than a few days, gets worse as you "
     "run, or changes the way you run.",
     Screen::Guide, "Log pain", "pain_log", "injury shin splints"},
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

constexpr GuideEvidence kEvidence[] = {
    {"One long run can matter more than the weekly total",
     "Among 5,205 runners followed through their watches, a single run longer than their longest of "
     "the previous 30 days went with more overuse injuries: about 1.6 times the hazard when it was "
     "10-30% longer, 1.5 times at 30-100%, 2.3 times when more than double. Week-to-week ratios "
     "predicted injury poorly.",
     "Garmin-RUNSAFE study, Br J Sports Med 2025", Screen::Home},
    {"This week against your usual week",
     "The acute:chronic ratio divides the last 7 days by the average week of the last 28. Around "
     "0.8-1.3 is often called the sweet spot and 1.5 or more the danger zone. It comes from team "
     "sports, so for runners treat it as a hint, not a verdict.",
     "Gabbett, Br J Sports Med 2016", Screen::Home},
    {"A cadence target of your own",
     "Taking 5-10% more steps a minute than your usual rate lowered the load on the knee and hip. "
     "A target built from your own measured cadence can suit you better than a fixed 170-180.",
     "Heiderscheit et al., Med Sci Sports Exerc 2011", Screen::Cadence},
    {"The 10% rule is a guideline, not a law",
     "In a trial with new runners, adding 10% a week gave no fewer injuries than adding 24% a week; "
     "another study saw more injuries after rises of over 30% in two weeks. Use the 10% rule as one "
     "signal among several, next to long-run spikes and how your body feels.",
     "Buist et al. 2008; Nielsen et al. 2014", Screen::Home},
};

}  // namespace

std::span<const GuideMistake> GuideMistakes() { return kMistakes; }
std::span<const GuideQuestion> GuideFaq() { return kFaq; }
std::span<const GuideEvidence> GuideEvidenceItems() { return kEvidence; }

}  // namespace sw
