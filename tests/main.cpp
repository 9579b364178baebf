// doctest's main for the native test binary (one binary, registered with CTest).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
