package io.rpcservices.cli;

import java.io.File;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes the service objects that {@code --service name=class} names: loads each class from the
 * {@code --classpath} entries (or the command's own class path) and calls its public no-argument
 * constructor.
 */
final class ServiceInstances {
  private final ClassLoader loader;
  private final String classpath;

  private ServiceInstances(ClassLoader loader, String classpath) {
    this.loader = loader;
    this.classpath = classpath;
  }

  /**
   * A loader over {@code classpath}, entries separated by the platform's path separator; an empty
   * class path loads from the command's own class path.
   *
   * @throws StartupException for an entry that does not exist
   */
  static ServiceInstances over(String classpath) {
    List<URL> urls = new ArrayList<>();
    for (String entry : classpath.split(File.pathSeparator)) {
      if (entry.isEmpty()) {
        continue;
      }
      Path path = Path.of(entry);
      if (!Files.exists(path)) {
        throw new StartupException("classpath entry not found: " + entry);
      }
      try {
        urls.add(path.toUri().toURL());
      } catch (MalformedURLException e) {
        throw new StartupException("classpath entry " + entry + ": " + e.getMessage());
      }
    }
    ClassLoader parent = ServiceInstances.class.getClassLoader();
    ClassLoader loader =
        urls.isEmpty() ? parent : new URLClassLoader(urls.toArray(new URL[0]), parent);
    return new ServiceInstances(loader, classpath);
  }

  /**
   * One new instance per service, by service name, in the order given.
   *
   * @throws StartupException for a class that cannot be found or made
   */
  Map<String, Object> create(Map<String, String> classNamesByService) {
    Map<String, Object> services = new LinkedHashMap<>();
    classNamesByService.forEach((name, className) -> services.put(name, create(name, className)));
    return services;
  }

  private Object create(String service, String className) {
    Class<?> type;
    try {
      type = Class.forName(className, true, loader);
    } catch (ClassNotFoundException e) {
      String where = classpath.isEmpty() ? "" : " (classpath: " + classpath + ")";
      throw new StartupException("service " + service + ": class not found: " + className + where);
    } catch (LinkageError e) {
      throw new StartupException("service " + service + ": cannot load " + className + ": " + e);
    }
    if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())) {
      throw new StartupException(
          "service " + service + ": " + className + " is not a public concrete class");
    }
    Constructor<?> constructor;
    try {
      constructor = type.getConstructor();
    } catch (NoSuchMethodException e) {
      throw new StartupException(
          "service " + service + ": " + className + " has no public no-argument constructor");
    }
    try {
      return constructor.newInstance();
    } catch (InvocationTargetException e) {
      throw new StartupException(
          "service " + service + ": new " + className + "() failed: " + e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new StartupException(
          "service " + service + ": cannot instantiate " + className + ": " + e.getMessage());
    }
  }
}
