// Compiles and links the embedded shaders of our GPU visuals (gauges, trend chart).
#include "app/gl_program.h"

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
    GLint ok = 0;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        glDeleteShader(shader);
        return 0;
    }
    return shader;
}

}  // namespace

GLuint build_program(std::string_view name, std::initializer_list<const char*> attributes) {
    const std::string base(name);
    const GLuint vs = compile(GL_VERTEX_SHADER, shader_source(base + ".vert"));
    const GLuint fs = compile(GL_FRAGMENT_SHADER, shader_source(base + ".frag"));
    if (!vs || !fs) {
        if (vs) glDeleteShader(vs);
        if (fs) glDeleteShader(fs);
        return 0;
    }
    const GLuint program = glCreateProgram();
    glAttachShader(program, vs);
    glAttachShader(program, fs);
    GLuint location = 0;
    for (const char* attribute : attributes) glBindAttribLocation(program, location++, attribute);
    glLinkProgram(program);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint ok = 0;
    glGetProgramiv(program, GL_LINK_STATUS, &ok);
    if (!ok) {
        glDeleteProgram(program);
        return 0;
    }
    return program;
}

}  // namespace sh::app
