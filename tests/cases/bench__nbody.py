# Scaled-down copy of ../shared/bench-corpus/nbody.py (same code, smaller size knobs).
# nbody: float arithmetic on lists (benchmarks-game n-body, no imports).
PI = 3.14159265358979323
SOLAR_MASS = 4 * PI * PI
DAYS_PER_YEAR = 365.24


def make_bodies():
    bodies = []
    # sun
    bodies.append([0.0, 0.0, 0.0, 0.0, 0.0, 0.0, SOLAR_MASS])
    # jupiter
    bodies.append([4.84143144246472090e+00, -1.16032004402742839e+00,
                   -1.03622044471123109e-01,
                   1.66007664274403694e-03 * DAYS_PER_YEAR,
                   7.69901118419740425e-03 * DAYS_PER_YEAR,
                   -6.90460016972063023e-05 * DAYS_PER_YEAR,
                   9.54791938424326609e-04 * SOLAR_MASS])
    # saturn
    bodies.append([8.34336671824457987e+00, 4.12479856412430479e+00,
                   -4.03523417114321381e-01,
                   -2.76742510726862411e-03 * DAYS_PER_YEAR,
                   4.99852801234917238e-03 * DAYS_PER_YEAR,
                   2.30417297573763929e-05 * DAYS_PER_YEAR,
                   2.85885980666130812e-04 * SOLAR_MASS])
    # uranus
    bodies.append([1.28943695621391310e+01, -1.51111514016986312e+01,
                   -2.23307578892655734e-01,
                   2.96460137564761618e-03 * DAYS_PER_YEAR,
                   2.37847173959480950e-03 * DAYS_PER_YEAR,
                   -2.96589568540237556e-05 * DAYS_PER_YEAR,
                   4.36624404335156298e-05 * SOLAR_MASS])
    # neptune
    bodies.append([1.53796971148509165e+01, -2.59193146099879641e+01,
                   1.79258772950371181e-01,
                   2.68067772490389322e-03 * DAYS_PER_YEAR,
                   1.62824170038242295e-03 * DAYS_PER_YEAR,
                   -9.51592254519715870e-05 * DAYS_PER_YEAR,
                   5.15138902046611451e-05 * SOLAR_MASS])
    return bodies


def offset_momentum(bodies):
    px = 0.0
    py = 0.0
    pz = 0.0
    for b in bodies:
        px += b[3] * b[6]
        py += b[4] * b[6]
        pz += b[5] * b[6]
    sun = bodies[0]
    sun[3] = -px / SOLAR_MASS
    sun[4] = -py / SOLAR_MASS
    sun[5] = -pz / SOLAR_MASS


def energy(bodies):
    e = 0.0
    n = len(bodies)
    i = 0
    while i < n:
        b = bodies[i]
        e += 0.5 * b[6] * (b[3] * b[3] + b[4] * b[4] + b[5] * b[5])
        j = i + 1
        while j < n:
            b2 = bodies[j]
            dx = b[0] - b2[0]
            dy = b[1] - b2[1]
            dz = b[2] - b2[2]
            e -= (b[6] * b2[6]) / ((dx * dx + dy * dy + dz * dz) ** 0.5)
            j += 1
        i += 1
    return e


def advance(bodies, dt, steps):
    n = len(bodies)
    s = 0
    while s < steps:
        i = 0
        while i < n:
            b = bodies[i]
            j = i + 1
            while j < n:
                b2 = bodies[j]
                dx = b[0] - b2[0]
                dy = b[1] - b2[1]
                dz = b[2] - b2[2]
                d2 = dx * dx + dy * dy + dz * dz
                mag = dt / (d2 * (d2 ** 0.5))
                bm = b[6] * mag
                b2m = b2[6] * mag
                b[3] -= dx * b2m
                b[4] -= dy * b2m
                b[5] -= dz * b2m
                b2[3] += dx * bm
                b2[4] += dy * bm
                b2[5] += dz * bm
                j += 1
            i += 1
        for b in bodies:
            b[0] += dt * b[3]
            b[1] += dt * b[4]
            b[2] += dt * b[5]
        s += 1


def trunc9(x):
    return int(x * 1000000000.0)


N = 1000
bodies = make_bodies()
offset_momentum(bodies)
e0 = energy(bodies)
advance(bodies, 0.01, N)
e1 = energy(bodies)
print("nbody", N, trunc9(e0), trunc9(e1))
