package io.inkwell.posts.post.web;

import io.inkwell.posts.post.CalendarDates;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;

/** A time in the years a post may carry ({@link CalendarDates}); a request with another is 400. */
@Documented
@Constraint(validatedBy = CalendarDate.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@interface CalendarDate {

  String message() default "must be a date and time in the years 1 to 9999";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check implements ConstraintValidator<CalendarDate, Instant> {
    @Override
    public boolean isValid(Instant value, ConstraintValidatorContext context) {
      return CalendarDates.holds(value);
    }
  }
}
