package studio.booking.api.web;

import java.util.List;

/** Bad input, with every problem found (a field and what is wrong with it). Becomes a 400 problem. */
public class InvalidInputException extends RuntimeException {

    public record FieldProblem(String field, String message) {
    }

    private final List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super(summary(problems), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    private static String summary(List<FieldProblem> problems) {
        StringBuilder text = new StringBuilder("Invalid input: ");
        for (int i = 0; i < problems.size(); i++) {
            if (i > 0) {
                text.append("; ");
            }
            text.append(problems.get(i).field()).append(' ').append(problems.get(i).message());
        }
        return text.toString();
    }
}
