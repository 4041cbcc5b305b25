# One warning set for every target of ours (not for third-party headers: those come in
# as SYSTEM includes through their imported targets).
add_library(psem_warnings INTERFACE)
target_compile_options(psem_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
  -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wimplicit-fallthrough
  # GCC 12 under TSan reports "potential null pointer dereference" inside libstdc++'s
  # string moves (reached from CLI11): off there, on everywhere else.
  $<$<NOT:$<AND:$<CXX_COMPILER_ID:GNU>,$<STREQUAL:${PSEM_SANITIZE},thread>>>:-Wnull-dereference>
  $<$<BOOL:${PSEM_WERROR}>:-Werror>
  # GCC 12 reports -Wrestrict inside libstdc++'s own std::string concatenation at -O2
  # (GCC bug 105651, fixed in 13): a false positive in code we do not own.
  $<$<AND:$<CXX_COMPILER_ID:GNU>,$<VERSION_LESS:$<CXX_COMPILER_VERSION>,13>>:-Wno-restrict>)
