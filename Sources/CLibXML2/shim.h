// libxml2: the XML parser for Word's document.xml and the HTML parser for
// pages saved from a government portal. Its headers live under
// /usr/include/libxml2, which the package's pkg-config entry supplies.
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU, whose headers then clash with the ICU that
// Foundation carries. Duban never touches the converters those headers
// describe, so they are left out.
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/HTMLparser.h>
