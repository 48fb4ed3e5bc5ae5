# Single inheritance, method overriding, super() in __init__ and methods.
class Animal:
    kind = "animal"
    def __init__(self, name):
        self.name = name
        print("Animal.__init__", name)
    def speak(self):
        return "..."
    def describe(self):
        return f"{self.name} the {self.kind} says {self.speak()}"

class Dog(Animal):
    kind = "dog"
    def __init__(self, name, tricks=()):
        super().__init__(name)
        self.tricks = list(tricks)
        print("Dog.__init__", self.tricks)
    def speak(self):
        return "woof"

class Puppy(Dog):
    def speak(self):
        return super().speak() + " (squeaky)"
    def describe(self):
        return "little " + super().describe()

for a in [Animal("generic"), Dog("rex", ["sit"]), Puppy("bit")]:
    print(a.describe())
print(Puppy.__mro__[1].__name__, [c.__name__ for c in Puppy.__mro__])
print(Puppy.__bases__[0].__name__, Dog.__base__.__name__)
p = Puppy("z")
print(isinstance(p, Animal), type(p) is Dog, issubclass(Puppy, Animal))
class Base:
    def hello(self):
        return "base hello from " + type(self).__name__
class Child(Base):
    def hello(self):
        return "child -> " + super(Child, self).hello()
print(Child().hello())
