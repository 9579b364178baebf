// The product version, printed in every result.
#pragma once

namespace sh {
inline constexpr const char* kVersion = "0.1.0";
}
