#pragma once
// pugixml helpers for the GPX and TCX readers. Both formats are read by local names: files put
// the same element under different prefixes ("gpxtpx:cad", "ns3:cad", a default namespace), and
// pugixml does not resolve namespaces, so "cad" matches whatever prefix the writer chose.
// Walks are loops, never recursion: a hostile file nested a million levels deep must not exhaust
// the stack (the WebAssembly worker's is small).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "core/import/readers/readers.hpp"

namespace sw::import {

// Activity files larger than this are refused before parsing: the largest real GPX or TCX is a few
// MB, and pugixml's tree takes several times the text in memory.
inline constexpr std::size_t kMaxXmlBytes = std::size_t{64} << 20;

// "gpxtpx:cad" -> "cad".
inline std::string_view LocalName(const pugi::xml_node& node) {
  std::string_view name = node.name();
  std::size_t colon = name.rfind(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

inline bool IsElement(const pugi::xml_node& node, std::string_view local_name) {
  return node.type() == pugi::node_element && LocalName(node) == local_name;
}

// The first child element with this local name (null node when none).
inline pugi::xml_node Child(const pugi::xml_node& parent, std::string_view local_name) {
  for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
    if (IsElement(c, local_name)) return c;
  }
  return {};
}

// An attribute by local name ("Sport", "xsi:type" -> "type").
inline pugi::xml_attribute Attribute(const pugi::xml_node& node, std::string_view local_name) {
  for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
    std::string_view name = a.name();
    std::size_t colon = name.rfind(':');
    if ((colon == std::string_view::npos ? name : name.substr(colon + 1)) == local_name) return a;
  }
  return {};
}

// An element's text (its first text or CDATA child), trimmed.
std::string_view ElementText(const pugi::xml_node& node);
inline std::string_view ChildText(const pugi::xml_node& parent, std::string_view local_name) {
  return ElementText(Child(parent, local_name));
}
std::optional<double> ChildNumber(const pugi::xml_node& parent, std::string_view local_name);

// Calls visit(element) for every element below `root` in document order. visit returns false to
// skip that element's children.
template <class Visit>
void ForEachElement(const pugi::xml_node& root, Visit&& visit) {
  pugi::xml_node node = root.first_child();
  while (node) {
    bool descend = node.type() == pugi::node_element ? visit(node) : false;
    if (descend && node.first_child()) {
      node = node.first_child();
      continue;
    }
    while (node && node != root && !node.next_sibling()) node = node.parent();
    if (!node || node == root) break;
    node = node.next_sibling();
  }
}

// The first element below `root` with this local name, in document order (null when none).
pugi::xml_node FindDescendant(const pugi::xml_node& root, std::string_view local_name);

// A document parsed from bytes. `broken` is set when the text is not well-formed XML; pugixml then
// keeps the tree it built before the error, so a reader can decide what of it to trust.
struct XmlDocument {
  pugi::xml_document document;
  std::string_view text;        // the bytes as given (for offsets -> lines)
  bool broken = false;
  std::size_t error_offset = 0;  // where parsing stopped (bytes), when broken
  std::size_t error_line = 0;
  std::string error_description;  // pugixml's words, lower-cased first letter
};

// Parses `bytes`; returns an error sentence (and leaves `out` empty) when the file is too large or
// nothing at all could be parsed: "run.tcx is not well-formed XML (line 12): start-end tags mismatch."
std::string LoadXml(Bytes bytes, std::string_view file_name, XmlDocument& out);

// The first element or attribute whose namespace prefix is never declared ("xsi:type" without
// xmlns:xsi), a namespace well-formedness error pugixml does not check: "the prefix "xsi" is not
// declared (line 4653)". Empty when all prefixes are bound.
std::string FirstUnboundPrefix(const XmlDocument& doc);

}  // namespace sw::import
