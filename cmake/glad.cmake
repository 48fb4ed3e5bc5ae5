# Generates the OpenGL 3.3 core loader with Debian's glad 2 generator into the build
# directory at configure time. Nothing generated is committed; --reproducible keeps glad
# on its bundled Khronos XML instead of fetching the latest from the network.
find_program(GLAD_GENERATOR glad REQUIRED)
set(GLAD_OUT ${CMAKE_BINARY_DIR}/glad)
if(NOT EXISTS ${GLAD_OUT}/src/gl.c)
  execute_process(
    COMMAND ${GLAD_GENERATOR} --api gl:core=3.3 --out-path ${GLAD_OUT} --quiet --reproducible c
    RESULT_VARIABLE glad_result)
  if(NOT glad_result EQUAL 0 OR NOT EXISTS ${GLAD_OUT}/src/gl.c)
    message(FATAL_ERROR "glad could not generate the OpenGL loader (install python3-glad)")
  endif()
endif()
add_library(glad STATIC ${GLAD_OUT}/src/gl.c)
target_include_directories(glad SYSTEM PUBLIC ${GLAD_OUT}/include)
target_compile_options(glad PRIVATE -w)
