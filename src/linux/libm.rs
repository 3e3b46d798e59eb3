//! The C library's math functions that CPython's `math` module calls and
//! Rust's `f64` methods compute differently (Rust has its own `asinh`,
//! `acosh`, `atanh` and `cbrt`; glibc's results differ in the last bit
//! for some arguments), so sigpy prints the same digits as CPython.

// The `f64` names (glibc aliases of `cbrt` etc., since glibc 2.27) make
// sure the symbols come from glibc: Rust's compiler-builtins defines some
// of the plain names (`cbrt`) with its own, differently rounded, code.
// SAFETY: these are pure functions of their float arguments in glibc's
// libm (always linked on Linux): no pointers, no global state that Rust
// code could race with (errno aside, which nothing here reads).
unsafe extern "C" {
    #[link_name = "acoshf64"]
    pub safe fn acosh(x: f64) -> f64;
    #[link_name = "asinhf64"]
    pub safe fn asinh(x: f64) -> f64;
    #[link_name = "atanhf64"]
    pub safe fn atanh(x: f64) -> f64;
    #[link_name = "cbrtf64"]
    pub safe fn cbrt(x: f64) -> f64;
    #[link_name = "powf64"]
    pub safe fn pow(x: f64, y: f64) -> f64;
    #[link_name = "expf64"]
    pub safe fn exp(x: f64) -> f64;
    #[link_name = "logf64"]
    pub safe fn log(x: f64) -> f64;
    #[link_name = "sinf64"]
    pub safe fn sin(x: f64) -> f64;
    #[link_name = "cosf64"]
    pub safe fn cos(x: f64) -> f64;
    #[link_name = "erff64"]
    pub safe fn erf(x: f64) -> f64;
    #[link_name = "erfcf64"]
    pub safe fn erfc(x: f64) -> f64;
}
