#include "core/import/readers/xml_helpers.hpp"

#include <vector>

#include "core/import/readers/text_helpers.hpp"

namespace sw::import {

std::string_view ElementText(const pugi::xml_node& node) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) return TrimText(c.value());
  }
  return {};
}

std::optional<double> ChildNumber(const pugi::xml_node& parent, std::string_view local_name) {
  return ParseNumber(ChildText(parent, local_name));
}

pugi::xml_node FindDescendant(const pugi::xml_node& root, std::string_view local_name) {
  pugi::xml_node found;
  ForEachElement(root, [&](const pugi::xml_node& node) {
    if (found) return false;
    if (LocalName(node) == local_name) {
      found = node;
      return false;
    }
    return true;
  });
  return found;
}

std::string LoadXml(Bytes bytes, std::string_view file_name, XmlDocument& out) {
  if (bytes.size() > kMaxXmlBytes) {
    return std::string(file_name) + " is larger than " + std::to_string(kMaxXmlBytes >> 20) +
           " MB, more than any activity file holds, so it was not read.";
  }
  out.text = AsText(bytes);
  // parse_default: entities are only the five XML ones (pugixml never expands a DTD's entities,
  // so an "entity bomb" stays text); parse_trim_pcdata drops the indentation around values.
  pugi::xml_parse_result result = out.document.load_buffer(
      bytes.data(), bytes.size(), pugi::parse_default | pugi::parse_trim_pcdata, pugi::encoding_auto);
  if (result.status != pugi::status_ok) {
    out.broken = true;
    out.error_offset = result.offset < 0 ? 0 : std::size_t(result.offset);
    out.error_line = LineOfOffset(out.text, out.error_offset);
    out.error_description = result.description();
    if (!out.error_description.empty() && out.error_description[0] >= 'A' && out.error_description[0] <= 'Z') {
      out.error_description[0] = char(out.error_description[0] - 'A' + 'a');
    }
  }
  if (!out.document.document_element()) {
    if (TrimText(out.text).empty()) return std::string(file_name) + " is empty.";
    if (result.status == pugi::status_no_document_element) {
      return std::string(file_name) + " is not an XML file (it holds no XML elements).";
    }
    return std::string(file_name) + " is not well-formed XML (line " + std::to_string(out.error_line) +
           "): " + out.error_description + ".";
  }
  return {};
}

std::string FirstUnboundPrefix(const XmlDocument& doc) {
  // Prefixes declared on each open element, popped when the walk leaves it: `bound` holds the
  // declarations of the current element's ancestors and itself, `depth_of` their depths.
  std::vector<std::string_view> bound;
  std::vector<int> depth_of;
  std::string found;
  auto prefix_of = [](std::string_view name) -> std::string_view {
    std::size_t colon = name.find(':');
    return colon == std::string_view::npos ? std::string_view{} : name.substr(0, colon);
  };
  auto is_bound = [&](std::string_view prefix) {
    if (prefix.empty() || prefix == "xml" || prefix == "xmlns") return true;
    for (std::string_view b : bound) {
      if (b == prefix) return true;
    }
    return false;
  };
  auto report = [&](const pugi::xml_node& node, std::string_view prefix) {
    std::ptrdiff_t offset = node.offset_debug();
    found = "the prefix \"" + std::string(prefix) + "\" is not declared";
    if (offset >= 0) found += " (line " + std::to_string(LineOfOffset(doc.text, std::size_t(offset))) + ")";
  };
  // Depth-first with explicit depth tracking, as ForEachElement but knowing when a subtree ends.
  pugi::xml_node root = doc.document;
  pugi::xml_node node = root.first_child();
  int depth = 1;
  while (node && found.empty()) {
    if (node.type() == pugi::node_element) {
      while (!depth_of.empty() && depth_of.back() >= depth) {
        depth_of.pop_back();
        bound.pop_back();
      }
      for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
        std::string_view name = a.name();
        if (name.size() > 6 && name.substr(0, 6) == "xmlns:") {
          bound.push_back(name.substr(6));
          depth_of.push_back(depth);
        }
      }
      if (!is_bound(prefix_of(node.name()))) {
        report(node, prefix_of(node.name()));
        break;
      }
      for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
        if (!is_bound(prefix_of(a.name()))) {
          report(node, prefix_of(a.name()));
          break;
        }
      }
      if (node.first_child()) {
        node = node.first_child();
        ++depth;
        continue;
      }
    }
    while (node && node != root && !node.next_sibling()) {
      node = node.parent();
      --depth;
    }
    if (!node || node == root) break;
    node = node.next_sibling();
  }
  return found;
}

}  // namespace sw::import
