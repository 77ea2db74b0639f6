// libzip: reads the parts of a .docx (a zip archive) in memory.
#include <zip.h>
