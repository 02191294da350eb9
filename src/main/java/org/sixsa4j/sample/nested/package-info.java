/**
 * Nested sampling with evidence (Skilling 2004, 2006) and MLFriends region sampling (Buchner
 * 2016, 2019): {@link org.sixsa4j.sample.nested.NestedSampler} runs it and returns a
 * {@link org.sixsa4j.sample.nested.NestedResult}.
 */
package org.sixsa4j.sample.nested;
