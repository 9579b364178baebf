// The page's single App instance: the one place the browser glue keeps state.
#pragma once

#include "app/app.h"

namespace sh::web {

app::App& the_app();

}  // namespace sh::web
