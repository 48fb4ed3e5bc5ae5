#pragma once
// A small XML 1.0 well-formedness checker for the SVG tests: it parses what LoopLab
// writes (declaration, comments, elements, attributes, character data, the predefined
// and numeric entities) and rejects anything else, returning the element tree.

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace looplab::exporter::testing {

struct XmlElement {
  std::string name;
  std::map<std::string, std::string> attributes;  // values with entities decoded
  std::string text;                               // character data directly inside
  std::vector<std::unique_ptr<XmlElement>> children;
};

struct XmlResult {
  std::unique_ptr<XmlElement> root;
  std::string error;  // empty when well-formed
};

XmlResult parse_xml(const std::string& document);

// Every element named `name` under (and including) `root`, in document order.
std::vector<const XmlElement*> find_all(const XmlElement& root, const std::string& name);

}  // namespace looplab::exporter::testing
