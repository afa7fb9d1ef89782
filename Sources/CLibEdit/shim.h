// libedit's readline-compatible API, with setters for the globals Swift 6
// cannot assign directly (they are mutable C state).
#ifndef SUANPAN_LIBEDIT_SHIM_H
#define SUANPAN_LIBEDIT_SHIM_H

#include <stdio.h>
#include <editline/readline.h>

typedef char **(*suanpan_completion_function)(const char *, int, int);

static inline void suanpan_set_completion(suanpan_completion_function f) {
    rl_attempted_completion_function = f;
}

static inline void suanpan_set_readline_name(void) {
    rl_readline_name = "suanpan";
}

static inline void suanpan_set_completion_append_character(int c) {
    rl_completion_append_character = c;
}

/// Words for completion end at these; '.' and ':' too, so that `Huabei.` completes
/// members. A literal: libedit keeps the pointer.
static inline void suanpan_set_word_break_characters(void) {
    rl_basic_word_break_characters = " \t\n\"(),[]{}+-*/^=<>.";
    rl_completer_word_break_characters = " \t\n\"(),[]{}+-*/^=<>.";
}

/// Stops libedit from also trying file names when our completer has none.
static inline void suanpan_set_attempted_completion_over(int v) {
    rl_attempted_completion_over = v;
}

static inline const char *suanpan_line_buffer(void) {
    return rl_line_buffer;
}

#endif
