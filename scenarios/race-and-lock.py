"""A race condition on one thread, and the Lock that fixes it
Lesson: Synchronisation

"asyncio prevents all race conditions" is a myth. A task can only be interrupted
at an await, so code without an await between reading and writing shared data is
safe. But put an await in the middle of a read-modify-write and another task can
read the same old value before the first one writes: one deposit is lost.

Three runs of the same deposits: an await inside the update (money vanishes),
no await inside it (correct, by luck of layout), and an asyncio.Lock around the
update (correct by design: only one task at a time in the critical section).
"""
import asyncio

CLIENTS = 3  # @param 2..10 step 1 tasks depositing at the same time
DEPOSITS = 5  # @param 1..20 step 1 deposits each client makes
THINK_TIME = 0.1  # @param 0..1 step 0.1 seconds between reading and writing the balance


class Account:
    def __init__(self):
        self.balance = 0


async def deposit_with_await(account, lock):
    current = account.balance  # @note Read the balance...
    await asyncio.sleep(THINK_TIME)  # @note ...pause: another task reads the same old balance...
    account.balance = current + 1  # @note ...and write: one of the two deposits is lost.
    return current


async def deposit_without_await(account, lock):
    await asyncio.sleep(THINK_TIME)
    current = account.balance
    account.balance = current + 1  # @note No await between read and write: no other task can run in between.
    return current


async def deposit_with_lock(account, lock):
    async with lock:  # @note Only one task at a time gets past this line.
        current = account.balance
        await asyncio.sleep(THINK_TIME)
        account.balance = current + 1
    return current


async def client(number, deposit, account, lock):
    for round_number in range(DEPOSITS):
        seen = await deposit(account, lock)
        if round_number == 0:
            print(f"  client {number} read {seen} and wrote {seen + 1}")


async def run(title, deposit):
    print(f"--- {title} ---")
    account = Account()
    lock = asyncio.Lock()
    await asyncio.gather(*(client(n, deposit, account, lock) for n in range(1, CLIENTS + 1)))
    expected = CLIENTS * DEPOSITS
    print(f"balance {account.balance}, expected {expected}, lost {expected - account.balance}")


async def main():
    await run("await inside the update", deposit_with_await)
    await run("no await inside the update", deposit_without_await)
    await run("update under a Lock", deposit_with_lock)


asyncio.run(main())
