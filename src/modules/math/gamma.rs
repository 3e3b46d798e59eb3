//! `math.gamma` and `math.lgamma` as CPython computes them (its results
//! come from its own code, not the C library's `tgamma`/`lgamma`): the
//! Lanczos approximation with N = 13 and g = 6.024680040776729583740234375
//! (Boost's parameters, as a rational function), a correction for the
//! rounding of x + g - 0.5, and the reflection formula for negative x.
//! The same steps in the same order give the same digits.

// The constants are written with all the digits of their published
// values: each rounds to the intended double.
#![allow(clippy::excessive_precision)]

use crate::linux::libm;

const G: f64 = 6.024_680_040_776_729_583_740_234_375;
const G_MINUS_HALF: f64 = 5.524_680_040_776_729_583_740_234_375;
const LOG_PI: f64 = 1.144_729_885_849_400_163_877_476_188_6;

const NUM: [f64; 13] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];

/// The coefficients of x(x+1)...(x+11), the rational function's
/// denominator.
const DEN: [f64; 13] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];

/// How a gamma computation failed: CPython's `ValueError` ("math domain
/// error") or `OverflowError` ("math range error").
#[derive(Debug, PartialEq, Eq)]
pub enum MathError {
    Domain,
    Range,
}

/// The Lanczos sum for x > 0, as a rational function (in 1/x for x >= 5,
/// which avoids overflow and loses less).
fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + NUM[i];
            den = den * x + DEN[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + NUM[i];
            den = den / x + DEN[i];
        }
    }
    num / den
}

/// sin(pi * x), exact at the multiples of 1/2.
fn sin_pi(x: f64) -> f64 {
    let pi = std::f64::consts::PI;
    let y = (x.abs()) % 2.0;
    let r = match (2.0 * y).round() as i32 {
        0 => libm::sin(pi * y),
        1 => libm::cos(pi * (y - 0.5)),
        2 => libm::sin(pi * (1.0 - y)),
        3 => -libm::cos(pi * (y - 1.5)),
        _ => libm::sin(pi * (y - 2.0)),
    };
    1f64.copysign(x) * r
}

/// Gamma(n) for the integers 1..=23, exactly representable.
fn factorial_gamma(n: f64) -> f64 {
    let mut r = 1.0;
    let mut k = 2.0;
    while k < n {
        r *= k;
        k += 1.0;
    }
    r
}

/// `math.gamma(x)`.
pub fn gamma(x: f64) -> Result<f64, MathError> {
    if !x.is_finite() {
        if x.is_nan() || x > 0.0 {
            return Ok(x);
        }
        return Err(MathError::Domain);
    }
    if x == 0.0 {
        return Err(MathError::Domain);
    }
    if x == x.floor() {
        if x < 0.0 {
            return Err(MathError::Domain);
        }
        if x <= 23.0 {
            return Ok(factorial_gamma(x));
        }
    }
    let ax = x.abs();
    if ax < 1e-20 {
        let r = 1.0 / x;
        return if r.is_infinite() {
            Err(MathError::Range)
        } else {
            Ok(r)
        };
    }
    if ax > 200.0 {
        return if x < 0.0 {
            Ok(0.0 / sin_pi(x))
        } else {
            Err(MathError::Range)
        };
    }
    let y = ax + G_MINUS_HALF;
    // The rounding error of y, scaled: the correction of the pow/exp terms.
    let err = if ax > G_MINUS_HALF {
        (y - ax) - G_MINUS_HALF
    } else {
        (y - G_MINUS_HALF) - ax
    };
    let z = err * G / y;
    let mut r;
    if x < 0.0 {
        r = -std::f64::consts::PI / sin_pi(ax) / ax * libm::exp(y) / lanczos_sum(ax);
        r -= z * r;
        if ax < 140.0 {
            r /= libm::pow(y, ax - 0.5);
        } else {
            let half = libm::pow(y, ax / 2.0 - 0.25);
            r /= half;
            r /= half;
        }
    } else {
        r = lanczos_sum(ax) / libm::exp(y);
        r += z * r;
        if ax < 140.0 {
            r *= libm::pow(y, ax - 0.5);
        } else {
            let half = libm::pow(y, ax / 2.0 - 0.25);
            r *= half;
            r *= half;
        }
    }
    if r.is_infinite() {
        return Err(MathError::Range);
    }
    Ok(r)
}

/// `math.lgamma(x)`: log |Gamma(x)|.
pub fn lgamma(x: f64) -> Result<f64, MathError> {
    if !x.is_finite() {
        return Ok(if x.is_nan() { x } else { f64::INFINITY });
    }
    if x == x.floor() && x <= 2.0 {
        return if x <= 0.0 {
            Err(MathError::Domain)
        } else {
            Ok(0.0)
        };
    }
    let ax = x.abs();
    if ax < 1e-20 {
        return Ok(-libm::log(ax));
    }
    let mut r = libm::log(lanczos_sum(ax)) - G;
    r += (ax - 0.5) * (libm::log(ax + G - 0.5) - 1.0);
    if x < 0.0 {
        r = LOG_PI - libm::log(sin_pi(ax).abs()) - libm::log(ax) - r;
    }
    if r.is_infinite() {
        return Err(MathError::Range);
    }
    Ok(r)
}
