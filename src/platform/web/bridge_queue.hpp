#pragma once
// What two bridges (storage, files) share: strings JavaScript hands over in malloc'ed memory, and
// the answers kept until the app drains them.
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

namespace sw::platform {

// A string JavaScript allocated (stringToNewUTF8): copied, then freed.
inline std::string TakeString(char* text) {
  if (!text) return {};
  std::string out(text);
  std::free(text);
  return out;
}

// Answers waiting to run, in the order they came. A vector, not a deque: each drain swaps out
// what is queued, so an answer that queues another as it runs is still served in order.
class ReadyQueue {
 public:
  void Push(std::function<void()> work) { queue_.push_back(std::move(work)); }
  void Drain() {
    while (!queue_.empty()) {
      std::vector<std::function<void()>> batch;
      batch.swap(queue_);
      for (std::function<void()>& work : batch) work();
    }
  }

 private:
  std::vector<std::function<void()>> queue_;
};

}  // namespace sw::platform
