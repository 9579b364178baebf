// Foundation-stage evaluation: the inputs and the as_of day (metrics come with the engine).
#include "core/engine/evaluate.h"

#include "core/version.h"

namespace sh {

Result evaluate(const std::vector<LoadedFile>& files, const OrderIdPool&, const Options& options) {
    Result result;
    result.version = kVersion;
    result.policy = options.policy;
    result.as_of = options.as_of;
    for (const LoadedFile& f : files) result.inputs.push_back(f.info);
    return result;
}

}  // namespace sh
