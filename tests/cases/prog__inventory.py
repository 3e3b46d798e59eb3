# A class-based inventory system: inheritance, dunders, exceptions, sorting, dicts.

class InventoryError(Exception):
    pass

class OutOfStock(InventoryError):
    def __init__(self, name, wanted, have):
        super().__init__(name, wanted, have)
        self.name = name
    def __str__(self):
        return "out of stock: " + self.name + " (wanted " + str(self.args[1]) + ", have " + str(self.args[2]) + ")"

class Item:
    def __init__(self, name, price, qty=0):
        self.name = name
        self.price = price
        self.qty = qty
    def total(self):
        return self.price * self.qty
    def __repr__(self):
        return "Item(" + repr(self.name) + ", " + str(self.price) + ", " + str(self.qty) + ")"
    def __lt__(self, other):
        return (self.price, self.name) < (other.price, other.name)
    def __eq__(self, other):
        return isinstance(other, Item) and self.name == other.name
    def __hash__(self):
        return hash(self.name)

class Perishable(Item):
    def __init__(self, name, price, qty, days):
        super().__init__(name, price, qty)
        self.days = days
    def total(self):
        base = super().total()
        return base // 2 if self.days < 3 else base
    def __repr__(self):
        return "Perishable(" + repr(self.name) + ", days=" + str(self.days) + ")"

class Inventory:
    def __init__(self):
        self.items = {}
        self.log = []
    def add(self, item):
        if item.name in self.items:
            self.items[item.name].qty += item.qty
        else:
            self.items[item.name] = item
        self.log.append(("add", item.name, item.qty))
    def take(self, name, n):
        item = self.items.get(name)
        if item is None:
            raise KeyError(name)
        if item.qty < n:
            raise OutOfStock(name, n, item.qty)
        item.qty -= n
        self.log.append(("take", name, n))
        if item.qty == 0:
            del self.items[name]
    def __len__(self):
        return len(self.items)
    def __contains__(self, name):
        return name in self.items
    def __iter__(self):
        return iter(sorted(self.items.values()))
    def value(self):
        return sum([i.total() for i in self.items.values()])

inv = Inventory()
inv.add(Item("bolt", 2, 100))
inv.add(Item("nut", 1, 250))
inv.add(Perishable("milk", 3, 10, 2))
inv.add(Perishable("cheese", 12, 4, 20))
inv.add(Item("bolt", 2, 50))
print(len(inv), "bolt" in inv, "gear" in inv, inv.value())
print(list(inv))

for name, n in [("bolt", 20), ("milk", 10), ("nut", 300), ("gear", 1), ("cheese", 1)]:
    try:
        inv.take(name, n)
        print("took", n, name)
    except OutOfStock as e:
        print("error:", e, "| args:", e.args)
    except KeyError as e:
        print("unknown item", e)
    except InventoryError:
        print("unreachable")

print(len(inv), "milk" in inv, inv.value())
print(inv.log)
print(sorted(inv.items), [i.name for i in sorted(inv, reverse=True)])
print({Item("x", 1), Item("x", 2)} == {Item("x", 3)}, Item("a", 1) == Perishable("a", 5, 1, 1))
print(max(inv), min(inv), sorted(inv, key=lambda i: -i.total()))
