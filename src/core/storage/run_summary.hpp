#pragma once
// The run summary: per calendar year, how many runs, how far, and each pair's share (runs,
// distance, first and last run). Storage keeps it as the "summary" document next to the years
// of runs, rewritten with every change to them, so the first frame can show every pair's total
// from this small document and read the older years after it (issue 17). It is never trusted
// blindly: each year read is checked against it, and a summary that disagrees (an older build
// that did not write it, a damaged part) is rebuilt from the runs.
#include <string>
#include <vector>

#include "core/model/model.hpp"

namespace sw {

inline constexpr const char* kRunSummaryKey = "summary";

// One digest per year that has runs, oldest year first.
std::vector<RunYearDigest> DigestRuns(const std::vector<Run>& runs);
// The digest of every stored run of `model`: its runs, and the years not read yet as they are.
std::vector<RunYearDigest> SummarizeStoredRuns(const Model& model);
// Whether two digests describe the same runs (distances to within a millimetre).
bool SameDigest(const RunYearDigest& a, const RunYearDigest& b);

// Whether `summary` describes exactly the years of `read` (each the same) and of `unread`.
bool SummaryAgrees(const std::vector<RunYearDigest>& summary, const std::vector<Run>& read,
                   const std::vector<RunYearDigest>& unread);

// The "summary" document and back. ReadRunSummary: "" with `out` filled (oldest year first),
// or why the text is not a summary.
std::string RunSummaryDocument(const std::vector<RunYearDigest>& years);
std::string ReadRunSummary(const std::string& text, std::vector<RunYearDigest>& out);
}  // namespace sw
