// libzip (Debian libzip-dev): the container of .docx documents.
#include <zip.h>
