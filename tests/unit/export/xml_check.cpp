#include "xml_check.hpp"

#include <cstdint>
#include <string_view>

namespace looplab::exporter::testing {

namespace {

class XmlParser {
 public:
  explicit XmlParser(const std::string& doc) : doc_(doc) {}

  XmlResult parse() {
    XmlResult result;
    if (!valid_utf8()) return fail("document is not valid UTF-8");
    if (starts_with("<?xml")) {
      const size_t end = doc_.find("?>", pos_);
      if (end == std::string::npos) return fail("unterminated XML declaration");
      pos_ = end + 2;
    }
    skip_misc();
    if (!starts_with("<")) return fail("no root element");
    result.root = element();
    if (!error_.empty()) return fail(error_);
    skip_misc();
    if (pos_ != doc_.size()) return fail("content after the root element");
    return result;
  }

 private:
  XmlResult fail(const std::string& what) {
    XmlResult r;
    r.error = what + " at byte " + std::to_string(pos_);
    return r;
  }
  bool starts_with(std::string_view s) const { return doc_.compare(pos_, s.size(), s) == 0; }
  void skip_space() {
    while (pos_ < doc_.size() &&
           (doc_[pos_] == ' ' || doc_[pos_] == '\n' || doc_[pos_] == '\t' || doc_[pos_] == '\r'))
      ++pos_;
  }
  void skip_misc() {
    for (;;) {
      skip_space();
      if (!starts_with("<!--")) return;
      const size_t end = doc_.find("-->", pos_);
      if (end == std::string::npos) {
        error_ = "unterminated comment";
        pos_ = doc_.size();
        return;
      }
      pos_ = end + 3;
    }
  }

  bool valid_utf8() const {
    for (size_t i = 0; i < doc_.size();) {
      const auto c = static_cast<unsigned char>(doc_[i]);
      size_t len = c < 0x80             ? 1
                   : (c & 0xE0) == 0xC0 ? 2
                   : (c & 0xF0) == 0xE0 ? 3
                   : (c & 0xF8) == 0xF0 ? 4
                                        : 0;
      if (len == 0 || i + len > doc_.size()) return false;
      if (len == 1 && c < 0x20 && c != '\t' && c != '\n' && c != '\r') return false;
      for (size_t k = 1; k < len; ++k)
        if ((static_cast<unsigned char>(doc_[i + k]) & 0xC0) != 0x80) return false;
      i += len;
    }
    return true;
  }

  static bool name_start(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
  }
  static bool name_char(char c) {
    return name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
  }
  std::string name() {
    const size_t start = pos_;
    if (pos_ >= doc_.size() || !name_start(doc_[pos_])) {
      error_ = "expected a name";
      return {};
    }
    while (pos_ < doc_.size() && name_char(doc_[pos_])) ++pos_;
    return doc_.substr(start, pos_ - start);
  }

  // Decodes character data up to `stop`, checking every '&' is an entity.
  std::string chars_until(char stop) {
    std::string out;
    while (pos_ < doc_.size() && doc_[pos_] != stop) {
      const char c = doc_[pos_];
      if (c == '<') {
        error_ = "'<' in character data";
        return out;
      }
      if (c != '&') {
        out += c;
        ++pos_;
        continue;
      }
      const size_t semi = doc_.find(';', pos_);
      if (semi == std::string::npos || semi - pos_ > 10) {
        error_ = "bare '&'";
        return out;
      }
      const std::string entity = doc_.substr(pos_ + 1, semi - pos_ - 1);
      if (entity == "amp")
        out += '&';
      else if (entity == "lt")
        out += '<';
      else if (entity == "gt")
        out += '>';
      else if (entity == "quot")
        out += '"';
      else if (entity == "apos")
        out += '\'';
      else if (entity.size() > 1 && entity[0] == '#')
        out += '?';
      else {
        error_ = "unknown entity &" + entity + ";";
        return out;
      }
      pos_ = semi + 1;
    }
    return out;
  }

  bool attributes(XmlElement& e) {
    for (;;) {
      skip_space();
      if (pos_ >= doc_.size()) {
        error_ = "unterminated tag";
        return false;
      }
      if (doc_[pos_] == '>' || doc_[pos_] == '/') return true;
      const std::string key = name();
      if (!error_.empty()) return false;
      skip_space();
      if (pos_ >= doc_.size() || doc_[pos_] != '=') {
        error_ = "attribute without '='";
        return false;
      }
      ++pos_;
      skip_space();
      if (pos_ >= doc_.size() || (doc_[pos_] != '"' && doc_[pos_] != '\'')) {
        error_ = "unquoted attribute value";
        return false;
      }
      const char quote = doc_[pos_++];
      std::string value = chars_until(quote);
      if (!error_.empty() || pos_ >= doc_.size()) {
        if (error_.empty()) error_ = "unterminated attribute value";
        return false;
      }
      ++pos_;
      if (!e.attributes.emplace(key, std::move(value)).second) {
        error_ = "duplicate attribute " + key;
        return false;
      }
    }
  }

  std::unique_ptr<XmlElement> element() {
    auto e = std::make_unique<XmlElement>();
    ++pos_;  // '<'
    e->name = name();
    if (!error_.empty() || !attributes(*e)) return e;
    if (starts_with("/>")) {
      pos_ += 2;
      return e;
    }
    ++pos_;  // '>'
    content(*e);
    return e;
  }

  void content(XmlElement& e) {
    while (error_.empty()) {
      if (pos_ >= doc_.size()) {
        error_ = "unclosed <" + e.name + ">";
        return;
      }
      if (starts_with("</")) {
        pos_ += 2;
        const std::string closing = name();
        skip_space();
        if (closing != e.name || pos_ >= doc_.size() || doc_[pos_] != '>') {
          error_ = "<" + e.name + "> closed by </" + closing + ">";
          return;
        }
        ++pos_;
        return;
      }
      if (starts_with("<!--")) {
        skip_misc();
      } else if (starts_with("<")) {
        e.children.push_back(element());
      } else {
        e.text += chars_until('<');
      }
    }
  }

  const std::string& doc_;
  size_t pos_ = 0;
  std::string error_;
};

void collect(const XmlElement& e, const std::string& name, std::vector<const XmlElement*>& out) {
  if (e.name == name) out.push_back(&e);
  for (const auto& child : e.children) collect(*child, name, out);
}

}  // namespace

XmlResult parse_xml(const std::string& document) {
  return XmlParser(document).parse();
}

std::vector<const XmlElement*> find_all(const XmlElement& root, const std::string& name) {
  std::vector<const XmlElement*> out;
  collect(root, name, out);
  return out;
}

}  // namespace looplab::exporter::testing
