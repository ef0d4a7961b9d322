#include "domain/answer_paths.h"

namespace hw::domain {

size_t ForEachAnswerPath(const Questionnaire& model, size_t max_paths, const std::function<void(const Answers&)>& visit) {
  size_t paths = 0;
  Answers answers;
  std::function<void(size_t)> walk = [&](size_t index) {
    if (paths > max_paths) return;
    if (index == model.questions.size()) {
      if (++paths <= max_paths) visit(answers);
      return;
    }
    const Question& q = model.questions[index];
    if (!IsShown(q, answers)) {
      answers[q.id] = {Answer::State::kNotShown, {}};
      return walk(index + 1);
    }
    answers[q.id] = {Answer::State::kSkipped, {}};
    walk(index + 1);
    const size_t n = q.options.size();
    if (!q.multiple) {
      for (const auto& option : q.options) {
        answers[q.id] = {Answer::State::kAnswered, {option}};
        walk(index + 1);
      }
    } else {
      for (size_t mask = 1; mask < (size_t{1} << n); ++mask) {
        std::set<std::string> chosen;
        for (size_t o = 0; o < n; ++o)
          if (mask & (size_t{1} << o)) chosen.insert(q.options[o]);
        answers[q.id] = {Answer::State::kAnswered, chosen};
        walk(index + 1);
      }
    }
    answers[q.id] = {Answer::State::kNotShown, {}};
  };
  walk(0);
  return paths;
}

std::string DescribeAnswers(const Questionnaire& model, const Answers& answers) {
  std::string text;
  for (const Question& q : model.questions) {
    const auto found = answers.find(q.id);
    if (found == answers.end() || found->second.state == Answer::State::kNotShown) continue;
    std::string value;
    if (found->second.state == Answer::State::kSkipped) value = "skipped";
    for (const auto& chosen : found->second.chosen) value += (value.empty() ? "" : "+") + chosen;
    text += (text.empty() ? "" : ", ") + q.id + "=" + value;
  }
  return text.empty() ? "(no question shown)" : text;
}

}  // namespace hw::domain
