// Builds our GLSL ES 3.00 programs (shaders/, embedded at build time) for the GPU visuals.
#pragma once

#include <GLES3/gl3.h>

#include <initializer_list>
#include <string_view>

namespace sh::app {

// Compiles shaders/<name>.vert and shaders/<name>.frag and links them, binding the attributes
// to locations 0, 1, ... in the order given. 0 when either shader or the link fails.
// Status queries run once here, at start-up, never per frame.
GLuint build_program(std::string_view name, std::initializer_list<const char*> attributes);

}  // namespace sh::app
