// Coded texts: every action, metric note, result warning and input note as a stable code with
// named parameters, and its English wording from one template table (data/messages.json).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sh {

// Named parameters in the order the text names them, e.g. {{"order_id", "113-…"}, {"reason", "obscene"}}.
using MessageParams = std::vector<std::pair<std::string, std::string>>;

struct CodedText {
    std::string code;      // e.g. "remove_feedback"; empty when the text has no code
    MessageParams params;

    // The parameter's value, or nullptr when absent.
    const std::string* param(std::string_view name) const;
};

// An entry of a template table: a template by its code, a word by "<table>.<value>"
// (e.g. "removal_reason.obscene"), or "list_separator"; nullptr when the table lacks it.
using TextLookup = std::function<const std::string*(const std::string& key)>;

// The English table (data/messages.json).
const std::string* english_text(const std::string& key);
// Every code of the English table, in file order.
const std::vector<std::string>& message_codes();

// Fills a template: {name} by the parameter; {name:table} by each comma-separated value's word
// (lookup "<table>.<value>", else the value) joined by lookup("list_separator"); [A|B] is A when
// every parameter A names is present and non-empty, else B; [A] is A or nothing; [#name:A|B] is A
// when the parameter `name` is "1", else B (English singular and plural: "{count} [#count:order
// is|orders are]").
std::string fill_template(std::string_view text, const MessageParams& params, const TextLookup& lookup);

// True when filling `text` (a template as above) can give exactly `filled`; `out` then holds the
// parameters (shortest first where several fillings fit). Word tables are not reversed.
bool match_template(std::string_view text, std::string_view filled, MessageParams& out);

// The English text of a message ("" for an unknown code).
std::string english(const CodedText& text);
// A message built from a code and its parameters, English text included.
std::string english(const std::string& code, const MessageParams& params);

// The coded form of an English text written elsewhere in the core (metric notes, warnings,
// input notes): the first template of the table whose English is exactly `text`, with the
// parameters it fills. Code empty when no template produces the text.
CodedText recognise(std::string_view text);

}  // namespace sh
