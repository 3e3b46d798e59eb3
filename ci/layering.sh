#!/usr/bin/env bash
# Checks the one-way module layering of DESIGN.md / STYLE.md:
#   src/syntax    imports nothing from compile, bytecode, vm, runtime
#   src/bytecode  imports nothing from compile, vm, runtime
#   src/compile   imports nothing from vm, runtime
#   `unsafe` (as code, not in comments) appears only under src/linux/
# Prints every offending line and exits 1 if any rule is broken.
set -euo pipefail
cd "$(dirname "$0")/.."

status=0

# Source lines of the Rust files of a layer (the folder and its sibling
# `<layer>.rs`), with `//` comments removed, as `file:line:code`.
code_lines() {
    local layer="$1" files=()
    [ -f "src/$layer.rs" ] && files+=("src/$layer.rs")
    if [ -d "src/$layer" ]; then
        while IFS= read -r f; do files+=("$f"); done < <(find "src/$layer" -name '*.rs' | sort)
    fi
    [ "${#files[@]}" -eq 0 ] && return 0
    # Strip line comments (also doc comments) but keep string contents: a
    # crude filter, good enough for `use crate::x` and `unsafe` checks.
    awk '{ line = $0; sub(/\/\/.*/, "", line); print FILENAME ":" FNR ":" line }' "${files[@]}"
}

check_imports() {
    local layer="$1"; shift
    local forbidden
    for forbidden in "$@"; do
        local hits
        hits="$(code_lines "$layer" | grep -E "(crate|super)::$forbidden\b|crate::\{[^}]*\b$forbidden\b|\buse $forbidden::" || true)"
        if [ -n "$hits" ]; then
            echo "layering: src/$layer must not depend on $forbidden:" >&2
            echo "$hits" >&2
            status=1
        fi
    done
}

check_imports syntax compile bytecode vm runtime
check_imports bytecode compile vm runtime
check_imports compile vm runtime

# `unsafe` outside src/linux (comments stripped; the lint attributes
# `unsafe_code` / `unsafe_op_in_unsafe_fn` are names, not unsafe code).
all_files="$(find src -name '*.rs' | grep -v -E '^src/linux(/|\.rs$)' | sort || true)"
if [ -n "$all_files" ]; then
    # shellcheck disable=SC2086
    hits="$(awk '{ line = $0; sub(/\/\/.*/, "", line); print FILENAME ":" FNR ":" line }' $all_files \
        | grep -E '\bunsafe\b' | grep -v -E '^[^:]+:[0-9]+:.*\bunsafe_[a-z_]+' || true)"
    # A line mentioning unsafe only inside a string literal is reported too:
    # keep such text out of src/ outside src/linux.
    if [ -n "$hits" ]; then
        echo "layering: \`unsafe\` outside src/linux/:" >&2
        echo "$hits" >&2
        status=1
    fi
fi

if [ "$status" -eq 0 ]; then
    echo "layering: ok"
fi
exit "$status"
