package programs.jdk;

/** A shape class keeps a unit shape, made in its static initializer from a subclass. One thread
 *  asks for the unit shape while another makes a square: each starts one class's initialization. */
public class UnitShapeFix {
    abstract static class Shape {
        static Shape unit() { return Units.UNIT; }    // FIX: made in a holder class, after Shape
        abstract double area();
    }

    static final class Units {
        static final Shape UNIT = new Square(1);
    }

    static final class Square extends Shape {
        final double side;
        Square(double side) { this.side = side; }
        double area() { return side * side; }
    }

    public static void main(String[] args) throws Exception {
        double[] areas = new double[2];
        Thread a = new Thread(() -> areas[0] = Shape.unit().area(), "unit");
        Thread b = new Thread(() -> areas[1] = new Square(2).area(), "square");
        a.start(); b.start(); a.join(); b.join();
        if (areas[0] != 1 || areas[1] != 4) throw new AssertionError(areas[0] + " " + areas[1]);
    }
}
