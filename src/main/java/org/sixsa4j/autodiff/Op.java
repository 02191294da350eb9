package org.sixsa4j.autodiff;

/** The operations a {@link Tape} records; backward dispatches on them with one switch. */
enum Op {
    CONSTANT,
    MATMUL, LINEAR, MASKED_LINEAR,
    ADD, SUB, MUL, DIV, MUL_CONSTANT, ADD_SCALAR, MUL_SCALAR,
    EXP, LOG, LOG1P, EXPM1, SOFTPLUS, SIGMOID, TANH, GELU, RELU, SQUARE, SQRT, CLAMP,
    SUM_ROWS, SUM_COLS, SUM, MEAN_ROWS, MEAN_COLS, MEAN, LOG_SUM_EXP_ROWS,
    CONCAT_COLS, SLICE_COLS, GATHER_ROWS, GATHER_COLS,
    BATCH_NORM
}
