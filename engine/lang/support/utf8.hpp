#pragma once
// Minimal UTF-8 helpers for the formatters: Python measures widths and
// precisions in code points, our strings are UTF-8 bytes. Input is assumed to
// be valid UTF-8 (the VM only builds valid strings).

#include <cstddef>
#include <string>
#include <string_view>

namespace looplab::lang::support::utf8 {

inline bool is_continuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// Number of code points in s.
inline std::size_t length(std::string_view s) {
    std::size_t n = 0;
    for (char c : s)
        n += is_continuation(c) ? 0 : 1;
    return n;
}

// The first `count` code points of s (all of s if it is shorter).
inline std::string_view prefix(std::string_view s, std::size_t count) {
    std::size_t i = 0;
    for (; i < s.size(); ++i) {
        if (!is_continuation(s[i])) {
            if (count == 0)
                break;
            --count;
        }
    }
    return s.substr(0, i);
}

// Decodes the code point starting at s[pos]; advances pos past it.
inline char32_t decode(std::string_view s, std::size_t& pos) {
    unsigned char lead = static_cast<unsigned char>(s[pos++]);
    int extra = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
    char32_t cp = extra == 0 ? lead : (lead & (0x3F >> extra));
    for (; extra > 0 && pos < s.size(); --extra)
        cp = (cp << 6) | (static_cast<unsigned char>(s[pos++]) & 0x3F);
    return cp;
}

inline void append(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

inline void append_repeated(std::string& out, char32_t cp, std::size_t count) {
    for (std::size_t i = 0; i < count; ++i)
        append(out, cp);
}

} // namespace looplab::lang::support::utf8
