package io.notesearch.searcher;

import java.io.IOException;
import java.lang.module.ModuleReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The types a module's API shows its callers: every public or protected member of every public type
 * in the packages it exports to everyone, with the types named in its signature (generics
 * included). Tests use it to keep Lucene out of the API.
 */
public final class ApiSurface {
  private ApiSurface() {}

  /** The public types of the packages a module exports to everyone, nested ones included. */
  public static List<Class<?>> types(Module module) throws IOException, ClassNotFoundException {
    Set<String> exported = new TreeSet<>();
    module.getDescriptor().exports().stream().filter(e -> !e.isQualified()).forEach(e -> exported.add(e.source()));
    List<Class<?>> out = new ArrayList<>();
    var reference = module.getLayer().configuration().findModule(module.getName()).orElseThrow().reference();
    try (ModuleReader reader = reference.open(); Stream<String> names = reader.list()) {
      for (String name : names.filter(n -> n.endsWith(".class") && !n.equals("module-info.class")).sorted().toList()) {
        String className = name.substring(0, name.length() - ".class".length()).replace('/', '.');
        String pkg = className.substring(0, className.lastIndexOf('.'));
        if (exported.contains(pkg)) {
          Class<?> c = Class.forName(className, false, module.getClassLoader());
          if (isApi(c)) {
            out.add(c);
          }
        }
      }
    }
    return out;
  }

  private static boolean isApi(Class<?> c) {
    for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
      if (!Modifier.isPublic(k.getModifiers())) {
        return false;
      }
    }
    return true;
  }

  /** {@code Type.member: SignatureType} for every type named by the API members of {@code c}. */
  public static List<String> signatures(Class<?> c) {
    List<String> out = new ArrayList<>();
    add(out, c.getName() + " extends", c.getGenericSuperclass());
    for (Type t : c.getGenericInterfaces()) {
      add(out, c.getName() + " implements", t);
    }
    for (Field f : c.getDeclaredFields()) {
      if (visible(f)) {
        add(out, c.getName() + "." + f.getName(), f.getGenericType());
      }
    }
    for (Constructor<?> k : c.getDeclaredConstructors()) {
      if (visible(k)) {
        executable(out, c.getName() + ".<init>", k);
      }
    }
    for (Method m : c.getDeclaredMethods()) {
      if (visible(m) && !m.isSynthetic()) {
        add(out, c.getName() + "." + m.getName(), m.getGenericReturnType());
        executable(out, c.getName() + "." + m.getName(), m);
      }
    }
    return out;
  }

  private static boolean visible(Member m) {
    return Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers());
  }

  private static void executable(List<String> out, String where, Executable e) {
    for (Type t : e.getGenericParameterTypes()) {
      add(out, where, t);
    }
    for (Type t : e.getGenericExceptionTypes()) {
      add(out, where, t);
    }
  }

  private static void add(List<String> out, String where, Type t) {
    if (t instanceof Class<?> c) {
      Class<?> base = c;
      while (base.isArray()) {
        base = base.getComponentType();
      }
      if (!base.isPrimitive()) {
        out.add(where + ": " + base.getName());
      }
    } else if (t instanceof ParameterizedType p) {
      add(out, where, p.getRawType());
      for (Type a : p.getActualTypeArguments()) {
        add(out, where, a);
      }
    } else if (t instanceof GenericArrayType a) {
      add(out, where, a.getGenericComponentType());
    } else if (t instanceof WildcardType w) {
      for (Type b : w.getUpperBounds()) {
        add(out, where, b);
      }
      for (Type b : w.getLowerBounds()) {
        add(out, where, b);
      }
    } else if (t instanceof TypeVariable<?> v) {
      for (Type b : v.getBounds()) {
        add(out, where, b);
      }
    }
  }
}
