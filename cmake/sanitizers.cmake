# PSEM_SANITIZE=address builds everything with ASan+UBSan, =thread with TSan.
if(PSEM_SANITIZE STREQUAL "address")
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    # GCC 12's flow analysis under ASan reports "may be used uninitialized" inside
    # libstdc++ (std::function in <regex>): false positives that break -Werror builds.
    add_compile_options(-Wno-maybe-uninitialized)
  endif()
elseif(PSEM_SANITIZE STREQUAL "thread")
  add_compile_options(-fsanitize=thread -fno-omit-frame-pointer)
  add_link_options(-fsanitize=thread)
elseif(NOT PSEM_SANITIZE STREQUAL "")
  message(FATAL_ERROR "PSEM_SANITIZE must be empty, 'address' or 'thread', not '${PSEM_SANITIZE}'")
endif()
