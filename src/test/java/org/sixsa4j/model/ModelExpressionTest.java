package org.sixsa4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sixsa4j.InvalidInputException;

class ModelExpressionTest {

    @Test
    void repeatedComponentsAreNumberedInOrderOfAppearance() {
        ModelExpression e = ModelExpression.parse("powerlaw + (powerlaw) + POW");
        assertEquals(List.of("powerlaw_1", "powerlaw_2", "powerlaw_3"), e.componentNames());
        assertEquals(3, e.components().size());
        assertEquals(ComponentKind.ADDITIVE, e.root().kind());
    }

    @Test
    void aComponentThatAppearsOnceKeepsItsPlainName() {
        assertEquals(List.of("powerlaw"), ModelExpression.parse("  powerlaw ").componentNames());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "powerlaw+               | ends where a component was expected",
        "(powerlaw               | '(' at column 1 is never closed",
        "powerlaw)               | ')' at column 9 closes nothing",
        "powerlaw+nosuchmodel    | unknown model component 'nosuchmodel'",
        "powerlaw*powerlaw       | two additive terms are multiplied",
        "''                      | the model is empty",
        "powerlaw+()             | empty parentheses",
        "powerlaw+3              | expected a component name at column 10",
        "tbabs+powerlaw          | multiplicative component 'tbabs' is added, with nothing to multiply",
        "tbabs                   | the model has no additive component",
        "tbabs*wabs              | the model has no additive component",
        "tb*powerlaw             | 'tb' is ambiguous: it abbreviates tbabs, tbpcf",
    })
    void malformedExpressionsGiveOneLineErrorsNamingTheProblem(String text, String fragment) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ModelExpression.parse(text));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        assertTrue(e.getMessage().startsWith("model '"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void productsHoldOneAdditiveTermAndAnyNumberOfFactors() {
        ModelExpression e = ModelExpression.parse("tbabs*wabs(powerlaw+powerlaw)*phabs");
        assertEquals(List.of("tbabs", "wabs", "powerlaw_1", "powerlaw_2", "phabs"), e.componentNames());
        ModelExpression.Product p = (ModelExpression.Product) e.root();
        assertEquals(4, p.factors().size(), "tbabs, wabs, the sum, phabs");
        assertEquals(ComponentKind.ADDITIVE, p.kind());
        assertTrue(p.factors().get(2) instanceof ModelExpression.Sum);
    }
}
