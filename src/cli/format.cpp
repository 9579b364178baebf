// Text, JSON and markdown renderings of the result.
#include "cli/format.h"

#include "core/result_json.h"

namespace sh::cli {

std::string format_result(const Result& result, const std::string& format) {
    if (format == "json") return to_json(result).dump(2) + "\n";
    // Text and markdown tables arrive with the metrics engine; until then, the inputs.
    std::string out;
    for (const InputInfo& in : result.inputs)
        out += in.name + "  " + (in.kind.empty() ? "(unknown)" : in.kind) + "  " + std::to_string(in.rows) + " rows\n";
    return out;
}

int exit_status(const Result& result) {
    int status = 0;
    for (const Metric& m : result.metrics) {
        if (m.status == "failing") return 2;
        if (m.status == "warning") status = 1;
    }
    return status;
}

}  // namespace sh::cli
