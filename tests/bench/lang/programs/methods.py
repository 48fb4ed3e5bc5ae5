# Method calls and attribute access on user classes: a particle system with a base
# class, a subclass using super(), properties and per-step attribute updates.


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def scaled(self, k):
        return Vec(self.x * k, self.y * k)

    def dot(self, other):
        return self.x * other.x + self.y * other.y


class Particle:
    def __init__(self, ident, pos, vel):
        self.ident = ident
        self.pos = pos
        self.vel = vel
        self.bounces = 0

    def step(self):
        self.pos = self.pos.add(self.vel)
        if self.pos.x < 0 or self.pos.x > 1000:
            self.vel = Vec(-self.vel.x, self.vel.y)
            self.bounces += 1
        if self.pos.y < 0 or self.pos.y > 1000:
            self.vel = Vec(self.vel.x, -self.vel.y)
            self.bounces += 1

    @property
    def energy(self):
        return self.vel.dot(self.vel)


class HeavyParticle(Particle):
    def __init__(self, ident, pos, vel, mass):
        super().__init__(ident, pos, vel)
        self.mass = mass

    def step(self):
        Particle.step(self)
        self.vel = self.vel.scaled(1)


def simulate(count, steps):
    particles = []
    for i in range(count):
        pos = Vec(i * 37 % 1000, i * 91 % 1000)
        vel = Vec(i % 13 - 6, i % 11 - 5)
        if i % 4 == 0:
            particles.append(HeavyParticle(i, pos, vel, i % 5 + 1))
        else:
            particles.append(Particle(i, pos, vel))
    for _ in range(steps):
        for p in particles:
            p.step()
    bounces = 0
    energy = 0
    checksum = 0
    for p in particles:
        bounces += p.bounces
        energy += p.energy
        checksum = (checksum * 31 + p.pos.x * 7 + p.pos.y) % 1000000007
    return bounces, energy, checksum


print("particles", simulate(800, 1300))
