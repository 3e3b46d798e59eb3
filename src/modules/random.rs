//! The `random` module: CPython's Mersenne Twister (MT19937) with its
//! seeding (`init_by_array` over the 32-bit words of `abs(int)`; str and
//! bytes through SHA-512 as `version=2` does), `random()` from 53 bits,
//! `getrandbits` and `_randbelow` by rejection. The rest of the module
//! (`Random`, `randrange`, `shuffle`, `sample`, `choices`, `gauss`...) is
//! Python code in `random.py`, following Lib/random.py 3.11 step by step,
//! so a seed gives CPython's sequence. The generator state lives in the
//! instance's `_mt` attribute: a list of 624 words and the index.

use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive, Zero};
use sha2::{Digest, Sha512};

use crate::builtins::args;
use crate::builtins::numeric::int_arg;
use crate::runtime::exc::{PyErr, RunResult};
use crate::runtime::value::{PyList, Value};
use crate::vm::Vm;

/// The Python part of the module.
pub const SOURCE: &str = include_str!("random.py");

const N: usize = 624;
const M: usize = 397;

const RANDOM_FUNCTIONS: &[(&str, crate::runtime::value::NativeFn, &str)] = function_table!(
    "random";
    "_getrandbits" => random_getrandbits,
    "_getstate" => random_getstate,
    "_index" => random_index,
    "_randbelow" => random_randbelow,
    "_random" => random_random,
    "_seed" => random_seed,
    "_setstate" => random_setstate,
    "_urandom" => random_urandom,
);

/// Creates the `random` module (its Python part runs next).
pub fn init(vm: &mut Vm) -> Value {
    Value::Module(super::new_module(vm, "random", RANDOM_FUNCTIONS))
}

// === the generator ===

/// MT19937 over a state of 624 words plus the index (625 ints).
struct Mt<'a> {
    s: &'a mut [Value],
}

impl Mt<'_> {
    fn word(&self, i: usize) -> u32 {
        match self.s[i] {
            Value::Int(w) => w as u32,
            _ => 0,
        }
    }

    fn set(&mut self, i: usize, w: u32) {
        self.s[i] = Value::Int(w as i64);
    }

    fn init_genrand(&mut self, seed: u32) {
        self.set(0, seed);
        for i in 1..N {
            let prev = self.word(i - 1);
            let w = 1812433253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
            self.set(i, w);
        }
        self.s[N] = Value::Int(N as i64);
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19650218);
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            let prev = self.word(i - 1);
            let w = (self.word(i) ^ (prev ^ (prev >> 30)).wrapping_mul(1664525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            self.set(i, w);
            i += 1;
            j += 1;
            if i >= N {
                let last = self.word(N - 1);
                self.set(0, last);
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = self.word(i - 1);
            let w = (self.word(i) ^ (prev ^ (prev >> 30)).wrapping_mul(1566083941))
                .wrapping_sub(i as u32);
            self.set(i, w);
            i += 1;
            if i >= N {
                let last = self.word(N - 1);
                self.set(0, last);
                i = 1;
            }
        }
        self.set(0, 0x8000_0000);
    }

    fn twist(&mut self) {
        let mix = |a: u32, b: u32| {
            let y = (a & 0x8000_0000) | (b & 0x7fff_ffff);
            (y >> 1) ^ if y & 1 == 1 { 0x9908_b0df } else { 0 }
        };
        for k in 0..N {
            let y = mix(self.word(k), self.word((k + 1) % N));
            let w = self.word((k + M) % N) ^ y;
            self.set(k, w);
        }
        self.s[N] = Value::Int(0);
    }

    fn next_u32(&mut self) -> u32 {
        let mut index = match self.s[N] {
            Value::Int(i) if (0..=N as i64).contains(&i) => i as usize,
            _ => N,
        };
        if index >= N {
            self.twist();
            index = 0;
        }
        let mut y = self.word(index);
        self.s[N] = Value::Int(index as i64 + 1);
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    fn random(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)
    }

    /// `k` random bits, least significant word first.
    fn bits(&mut self, k: u64) -> BigInt {
        if k <= 32 {
            return BigInt::from(self.next_u32() >> (32 - k));
        }
        let mut words = Vec::with_capacity(k.div_ceil(32) as usize);
        let mut left = k;
        while left > 0 {
            let r = self.next_u32();
            words.push(if left < 32 { r >> (32 - left) } else { r });
            left = left.saturating_sub(32);
        }
        BigInt::from_slice(Sign::Plus, &words)
    }
}

/// Runs `f` on the generator state of `self` (created on first use).
fn with_mt<T>(vm: &mut Vm, this: &Value, f: impl FnOnce(&mut Mt) -> T) -> RunResult<T> {
    let Value::Instance(inst) = this else {
        return Err(PyErr::type_error("random methods need a Random instance"));
    };
    let key = vm.intern("_mt");
    let existing = inst.get(&key);
    let list = match existing {
        Some(Value::List(l)) if l.items.borrow().len() == N + 1 => l,
        _ => {
            let mut items = vec![Value::Int(0); N + 1];
            Mt { s: &mut items }.init_genrand(19650218);
            let l = std::rc::Rc::new(PyList {
                items: std::cell::RefCell::new(items),
            });
            inst.set(&key, Value::List(l.clone()));
            l
        }
    };
    let mut items = list.items.borrow_mut();
    Ok(f(&mut Mt { s: &mut items }))
}

fn self_and_rest<'a>(name: &str, args: &'a [Value]) -> RunResult<(&'a Value, &'a [Value])> {
    match args.split_first() {
        Some((s, rest)) => Ok((s, rest)),
        None => Err(PyErr::type_error(format!("{}() needs an argument", name))),
    }
}

// === natives ===

/// `_seed(self, a)`: CPython's `random_seed` for None, ints, floats (by
/// hash), str and bytes (with their SHA-512, as `version=2` does).
fn random_seed(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (this, rest) = self_and_rest("seed", args)?;
    let a = rest.first().cloned().unwrap_or(Value::None);
    let n: BigInt =
        match &a {
            Value::None => {
                let key = os_key();
                with_mt(vm, this, |mt| mt.init_by_array(&key))?;
                return Ok(Value::None);
            }
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
                crate::runtime::num::to_bigint(&a).unwrap_or_default().abs()
            }
            Value::Float(_) => BigInt::from(vm.hash(&a)? as u64),
            Value::Str(s) => sha_seed(s.as_str().as_bytes()),
            Value::Bytes(b) => sha_seed(&b.b),
            _ => return Err(PyErr::type_error(
                "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.",
            )),
        };
    let key = words(&n);
    with_mt(vm, this, |mt| mt.init_by_array(&key))?;
    Ok(Value::None)
}

/// `int.from_bytes(a + sha512(a).digest())`, version 2's str/bytes seed.
fn sha_seed(bytes: &[u8]) -> BigInt {
    let mut all = bytes.to_vec();
    all.extend_from_slice(&Sha512::digest(bytes));
    BigInt::from_bytes_be(Sign::Plus, &all)
}

/// The 32-bit words of `n`, least significant first (`[0]` for zero).
fn words(n: &BigInt) -> Vec<u32> {
    if n.is_zero() {
        return vec![0];
    }
    n.magnitude().to_u32_digits()
}

/// `n` bytes of /dev/urandom.
fn urandom(n: usize) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut buf = vec![0u8; n];
    std::fs::File::open("/dev/urandom")?.read_exact(&mut buf)?;
    Ok(buf)
}

/// `_urandom(n)`: `os.urandom` for `SystemRandom`.
fn random_urandom(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let n = vm.index_of(args::one("urandom", args)?)?;
    if n < 0 {
        return Err(PyErr::value_error("negative argument not allowed"));
    }
    args::check_alloc(n as usize)?;
    match urandom(n as usize) {
        Ok(b) => Ok(Value::bytes(b)),
        Err(e) => Err(PyErr::new(
            crate::runtime::exc::ExcKind::OSError,
            crate::runtime::exc::strerror_text(&e),
        )),
    }
}

/// A seed from the OS (624 words of /dev/urandom), or the time and pid
/// if that cannot be read.
fn os_key() -> Vec<u32> {
    let Ok(buf) = urandom(N * 4) else {
        let t = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        return vec![t as u32, (t >> 32) as u32, std::process::id()];
    };
    buf.chunks(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect()
}

fn random_random(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (this, rest) = self_and_rest("random", args)?;
    args::none("Random.random", rest)?;
    Ok(Value::Float(with_mt(vm, this, |mt| mt.random())?))
}

fn random_getrandbits(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (this, rest) = self_and_rest("getrandbits", args)?;
    let k = int_arg(vm, args::one("Random.getrandbits", rest)?)?;
    if k.is_negative() {
        return Err(PyErr::value_error("number of bits must be non-negative"));
    }
    let Some(k) = k.to_u64().filter(|k| *k < (1 << 40)) else {
        return Err(PyErr::overflow_error(
            "Python int too large to convert to C int",
        ));
    };
    if k == 0 {
        return Ok(Value::Int(0));
    }
    vm.charge(k / 64)?;
    Ok(Value::from_bigint(with_mt(vm, this, |mt| mt.bits(k))?))
}

/// `_randbelow(self, n)`: `getrandbits(n.bit_length())` until below `n`
/// (n > 0).
fn random_randbelow(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (this, rest) = self_and_rest("_randbelow", args)?;
    let n = int_arg(vm, args::one("_randbelow", rest)?)?;
    if !n.is_positive() {
        return Ok(Value::Int(0));
    }
    let k = n.bits();
    vm.charge(k / 64)?;
    let r = with_mt(vm, this, |mt| loop {
        let r = mt.bits(k);
        if r < n {
            break r;
        }
    })?;
    Ok(Value::from_bigint(r))
}

/// `_getstate(self)`: the 624 words and the index, as a tuple.
fn random_getstate(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (this, _) = self_and_rest("getstate", args)?;
    let items = with_mt(vm, this, |mt| mt.s.to_vec())?;
    Ok(Value::tuple(items))
}

/// `_setstate(self, state)`: a tuple of 624 words and an index.
fn random_setstate(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let (this, rest) = self_and_rest("setstate", args)?;
    let Some(Value::Tuple(t)) = rest.first() else {
        return Err(PyErr::type_error("state vector must be a tuple"));
    };
    if t.items.len() != N + 1 {
        return Err(PyErr::value_error("state vector is the wrong size"));
    }
    let mut state = Vec::with_capacity(N + 1);
    for v in t.items.iter() {
        let w = int_arg(vm, v)?;
        match w.to_u32() {
            Some(w) => state.push(Value::Int(w as i64)),
            None if w.is_negative() => {
                return Err(PyErr::overflow_error(
                    "can't convert negative value to unsigned int",
                ))
            }
            None => {
                return Err(PyErr::overflow_error(
                    "Python int too large to convert to C unsigned long",
                ))
            }
        }
    }
    if !matches!(state[N], Value::Int(i) if i <= N as i64) {
        return Err(PyErr::value_error("invalid state"));
    }
    with_mt(vm, this, |mt| mt.s.clone_from_slice(&state))?;
    Ok(Value::None)
}

/// `operator.index(x)` for the Python part.
fn random_index(vm: &mut Vm, args: &[Value], _kw: &[(Value, Value)]) -> RunResult<Value> {
    let x = args::one("_index", args)?;
    match x {
        Value::Int(_) | Value::BigInt(_) => Ok(x.clone()),
        _ => Ok(Value::from_bigint(int_arg(vm, x)?)),
    }
}
