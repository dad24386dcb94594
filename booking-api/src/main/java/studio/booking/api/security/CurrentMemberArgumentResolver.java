package studio.booking.api.security;

import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import studio.booking.api.problem.Problems;
import studio.booking.messages.common.Actor;

/**
 * Controller parameters of type {@link Actor} or {@link CurrentMember}: the member resolved fresh
 * for this request by {@link CurrentMemberFilter}.
 */
class CurrentMemberArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        Class<?> type = parameter.getParameterType();
        return type == Actor.class || type == CurrentMember.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        CurrentMember current = current();
        return parameter.getParameterType() == Actor.class ? current.actor() : current;
    }

    static CurrentMember current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof CurrentMember member) {
            return member;
        }
        throw new AuthenticationCredentialsNotFoundException(Problems.NOT_AUTHENTICATED);
    }
}
