// Builds our GLSL ES 3.00 programs (shaders/, embedded at build time) for the GPU visuals.
#pragma once

#include <GLES3/gl3.h>

#include <initializer_list>
#include <string>
#include <string_view>

namespace sh::app {

// A program handed to the GPU to compile and link at start-up, and asked how that went only
// when first used. Each status query waits for the GPU's compiler (tens of ms under a software
// GPU, and the context's own start-up before that), so start-up starts every program and
// finishes none: the first frame's fonts and layout run while the GPU compiles (issue 9).
class GlProgram {
public:
    // Compiles shaders/<name>.vert and shaders/<name>.frag and links them, binding the
    // attributes to locations 0, 1, ... in the order given. Needs a current context.
    void start(std::string_view name, std::initializer_list<const char*> attributes);
    // Where a uniform's location goes once the program is linked.
    struct Uniform {
        const char* name;
        GLint* location;
    };
    // The linked program, or 0 when it was never started or a shader or the link failed. The
    // status and the uniforms' locations are queried on the first call only, never per frame.
    GLuint finish(std::initializer_list<Uniform> uniforms = {});
    bool finished() const { return finished_; }

private:
    std::string name_;
    GLuint program_ = 0;
    bool finished_ = false;
};

}  // namespace sh::app
