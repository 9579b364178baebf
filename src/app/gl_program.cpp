// Compiles and links the embedded shaders of our GPU visuals (gauges, trend chart, ImGui's).
#include "app/gl_program.h"

#include <cstdio>
#include <string>

namespace sh::app {

std::string_view shader_source(std::string_view path);  // generated: embedded shaders/

namespace {

GLuint compile(GLenum type, std::string_view source) {
    if (source.empty()) return 0;
    const GLuint shader = glCreateShader(type);
    const char* text = source.data();
    const GLint length = static_cast<GLint>(source.size());
    glShaderSource(shader, 1, &text, &length);
    glCompileShader(shader);
    return shader;
}

}  // namespace

void GlProgram::start(std::string_view name, std::initializer_list<const char*> attributes) {
    name_ = std::string(name);
    const std::string& base = name_;
    const GLuint vs = compile(GL_VERTEX_SHADER, shader_source(base + ".vert"));
    const GLuint fs = compile(GL_FRAGMENT_SHADER, shader_source(base + ".frag"));
    if (vs && fs) {
        program_ = glCreateProgram();
        glAttachShader(program_, vs);
        glAttachShader(program_, fs);
        GLuint location = 0;
        for (const char* attribute : attributes) glBindAttribLocation(program_, location++, attribute);
        glLinkProgram(program_);
    }
    // Attached shaders live on with the program; a missing source leaves no program (finish: 0).
    if (vs) glDeleteShader(vs);
    if (fs) glDeleteShader(fs);
}

GLuint GlProgram::finish(std::initializer_list<Uniform> uniforms) {
    if (finished_) return program_;
    finished_ = true;
    GLint linked = 0;  // a shader that did not compile fails the link
    if (program_) glGetProgramiv(program_, GL_LINK_STATUS, &linked);
    if (!linked) {
        if (program_) glDeleteProgram(program_);
        program_ = 0;
        std::fprintf(stderr, "the %s shaders could not be built; the app draws without them\n", name_.c_str());
        return 0;
    }
    for (const Uniform& u : uniforms) *u.location = glGetUniformLocation(program_, u.name);
    return program_;
}

}  // namespace sh::app
