#pragma once
// The open-addressing scheme of CPython 3.11's set (Objects/setobject.c), so a
// VM set built on it iterates in exactly CPython's order. Header-only.
//
// How the VM's set must use it (table = array of mask+1 slots, each Empty,
// Dummy or Active{key, hash}; counters `fill` = Active + Dummy, `used` = Active;
// a new set has mask = kMinSize - 1 and all slots Empty):
//
//  * add(key, h):    r = find_insert_slot(h, mask, classify). If r.found, do
//                    nothing. Otherwise store {key, h} at r.index; ++used; if
//                    r.was_empty { ++fill; if needs_resize(fill, mask)
//                    resize(grown_capacity(used)); } (reusing a Dummy never resizes).
//  * contains / discard / remove(key, h):
//                    r = find_existing_slot(h, mask, classify); if r.found the
//                    key is at r.index. discard turns that slot into a Dummy
//                    (--used, fill unchanged); tables never shrink on removal.
//  * resize(minused): new mask = table_size_for(minused) - 1; walk the OLD table
//                    from index 0 upward and put every Active entry into the new
//                    table at find_clean_slot(h, new_mask, is_empty); fill = used.
//  * iteration:      slots in index order, Active only.
//  * set(other_set) / s.update(other_set) / s.copy(): CPython's set_merge first
//                    calls resize((used + other.used) * 2) when
//                    (fill + other.used) * 5 >= mask * 3; if the target is empty
//                    and has the source's mask and the source has no dummies it
//                    copies slot i to slot i; if the target is merely empty it
//                    inserts the source's Active entries in slot order with
//                    find_clean_slot; otherwise it calls add() for each, in slot
//                    order. set(list/tuple/iterable) and {a, b, c} call add() per
//                    element in order.
//
// `classify(i)` is the VM's view of slot i for a probe with hash h and key k:
//   Empty  - never used;  Dummy - deleted entry;
//   Match  - Active with hash == h and key == k (compare hashes first, as
//            CPython does, then the keys);
//   Other  - any other Active slot.
// Hashes come from hash.hpp; they are reinterpreted as size_t exactly like CPython.

#include <cstddef>
#include <cstdint>

namespace looplab::lang::support::set_probe {

inline constexpr std::size_t kLinearProbes = 9;
inline constexpr int kPerturbShift = 5;
inline constexpr std::size_t kMinSize = 8;

enum class Slot { Empty, Dummy, Match, Other };

struct ProbeResult {
    std::size_t index = 0;
    bool found = false;     // the key is already present at index
    bool was_empty = false; // for insertion: index was Empty (not a reused Dummy)
};

// Visits slots in CPython's order: from i = hash & mask, a run of up to
// kLinearProbes further neighbours (only when they fit before the end of the
// table), then i = (i * 5 + 1 + perturb) & mask with perturb >>= 5 each round.
// visit(i) returns true to stop.
template <class Visit>
std::size_t probe(std::int64_t hash, std::size_t mask, Visit&& visit) {
    const auto uhash = static_cast<std::size_t>(hash);
    std::size_t i = uhash & mask;
    std::size_t perturb = uhash;
    while (true) {
        std::size_t run = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
        for (std::size_t j = 0; j <= run; ++j)
            if (visit(i + j))
                return i + j;
        perturb >>= kPerturbShift;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

// set_add_entry's search: the key's slot if present; otherwise the LAST Dummy
// passed before the first Empty slot (CPython 3.11 overwrites its freeslot at
// every dummy), or that Empty slot.
template <class Classify>
ProbeResult find_insert_slot(std::int64_t hash, std::size_t mask, Classify&& classify) {
    ProbeResult result;
    bool have_dummy = false;
    std::size_t dummy = 0;
    std::size_t stop = probe(hash, mask, [&](std::size_t i) {
        Slot s = classify(i);
        if (s == Slot::Dummy) {
            have_dummy = true;
            dummy = i;
        }
        return s == Slot::Empty || s == Slot::Match;
    });
    if (classify(stop) == Slot::Match) {
        result.index = stop;
        result.found = true;
    } else if (have_dummy) {
        result.index = dummy;
    } else {
        result.index = stop;
        result.was_empty = true;
    }
    return result;
}

// set_lookkey: Dummies are skipped; the search ends at a Match or an Empty slot.
template <class Classify>
ProbeResult find_existing_slot(std::int64_t hash, std::size_t mask, Classify&& classify) {
    ProbeResult result;
    result.index = probe(hash, mask, [&](std::size_t i) {
        Slot s = classify(i);
        return s == Slot::Empty || s == Slot::Match;
    });
    result.found = classify(result.index) == Slot::Match;
    return result;
}

// set_insert_clean: the first Empty slot on the probe path (no dummies exist in
// a freshly allocated table, and keys are known to be distinct).
template <class IsEmpty>
std::size_t find_clean_slot(std::int64_t hash, std::size_t mask, IsEmpty&& is_empty) {
    return probe(hash, mask, [&](std::size_t i) { return is_empty(i); });
}

// After filling an Empty slot: grow when fill * 5 >= mask * 3.
inline bool needs_resize(std::size_t fill, std::size_t mask) {
    return fill * 5 >= mask * 3;
}

// The `minused` argument set_add_entry passes to set_table_resize.
inline std::size_t grown_capacity(std::size_t used) {
    return used > 50000 ? used * 2 : used * 4;
}

// set_table_resize: the smallest power of two >= kMinSize that is > minused.
inline std::size_t table_size_for(std::size_t minused) {
    std::size_t size = kMinSize;
    while (size <= minused)
        size <<= 1;
    return size;
}

} // namespace looplab::lang::support::set_probe
